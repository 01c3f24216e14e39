// A probe of the layers (tests/layers/CMakeLists.txt): includes the one
// header it is given and nothing else.
#include FIVES_PROBE_HEADER
