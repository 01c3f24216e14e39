// A flag of a `fives` command, declared once in the command's table: the
// parser accepts exactly the flags of the table and takes their defaults
// from it, and the command's help lists them from it (command.h).
#ifndef FIVES_EXAMPLES_FIVES_FLAG_H_
#define FIVES_EXAMPLES_FIVES_FLAG_H_

#include <string>

#include "absl/strings/string_view.h"

namespace fives::cli {

struct Flag {
  enum class Kind {
    kSwitch,    // --name (or --name=true|false): on or off
    kValue,     // --name VALUE or --name=VALUE, given at most once
    kRepeated,  // --name VALUE, as often as needed, every value kept
  };

  // Without the leading "--": "date".
  absl::string_view name;
  // What the value is, in the help and the usage: "YYYY-MM-DD", "en|nl".
  // Empty for a switch.
  absl::string_view value;
  // What the flag does, one line.
  absl::string_view help;
  // The value the command reads when the flag is not given.
  absl::string_view default_value = {};
  Kind kind = Kind::kValue;
  // The command refuses to run without it (the command checks, with its own
  // message; the help and the usage line show it).
  bool required = false;

  static constexpr Flag Switch(absl::string_view name, absl::string_view help) {
    return Flag{name, {}, help, {}, Kind::kSwitch, false};
  }
  static constexpr Flag Value(absl::string_view name, absl::string_view value,
                              absl::string_view help) {
    return Flag{name, value, help, {}, Kind::kValue, false};
  }
  static constexpr Flag Repeated(absl::string_view name,
                                 absl::string_view value,
                                 absl::string_view help) {
    return Flag{name, value, help, {}, Kind::kRepeated, false};
  }
  // This flag with `value` as its default.
  constexpr Flag Default(absl::string_view value) const {
    Flag f = *this;
    f.default_value = value;
    return f;
  }
  // This flag, marked required.
  constexpr Flag Required() const {
    Flag f = *this;
    f.required = true;
    return f;
  }
};

// "--date YYYY-MM-DD", "--json", "--action VALUE...": the flag as the usage
// line and the help show it.
std::string FlagSynopsis(const Flag& flag);

// Flags many commands share.
inline constexpr Flag kJournalFlag =
    Flag::Value("journal", "PATH", "the journal file")
        .Default("./fives.journal");
inline constexpr Flag kLangFlag =
    Flag::Value("lang", "en|nl", "the language of the output and of errors")
        .Default("en");

}  // namespace fives::cli

#endif  // FIVES_EXAMPLES_FIVES_FLAG_H_
