# Writes OUTPUT, a C++ source defining `fives::internal::SYMBOL` as the bytes
# of INPUT, so data files are compiled into the library (no files at run time).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by embed_text.cmake. Do not edit.\n"
"#include <cstddef>\n"
"#include \"absl/strings/string_view.h\"\n"
"namespace fives::internal {\n"
"namespace {\n"
"constexpr unsigned char kBytes[] = {\n${bytes}0};\n"
"}  // namespace\n"
"extern const absl::string_view ${SYMBOL};\n"
"const absl::string_view ${SYMBOL}(reinterpret_cast<const char*>(kBytes),\n                                   ${byte_count});\n"
"}  // namespace fives::internal\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
