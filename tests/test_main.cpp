// The one doctest main shared by every unit-test executable.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "test_setup.h"

// An executable that needs what the program loads at start (the keyboards) defines its own.
__attribute__((weak)) void ideenTestSetup() {}

int main(int argc, char** argv) {
    ideenTestSetup();
    doctest::Context context(argc, argv);
    return context.run();
}
