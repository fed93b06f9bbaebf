// Entry point of the `ideenkiosk` binary (placeholder until the command line lands).
#include <cstdio>
int main() { std::puts("ideenkiosk"); return 0; }
