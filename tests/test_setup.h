// The hook a unit-test executable may define to prepare what the program prepares at start (test_main.cpp calls it).
#pragma once

/// Runs once before the tests (and before listing them); test_main.cpp's own version does nothing.
void ideenTestSetup();
