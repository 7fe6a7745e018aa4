#pragma once
// Text pasted into a POSIX shell (sh, bash, zsh, dash) as one word, whatever
// it holds.

#include <string>
#include <string_view>

namespace touchbase {

// `text` as one shell word: as it is when it holds only characters no shell
// treats specially (letters, digits and @%+=:,./_-), else in single quotes,
// each single quote written '\''. The empty text is ''. A word that starts
// with '-' stays one word, but a command still reads it as an option: put it
// after "--".
std::string shell_word(std::string_view text);

}  // namespace touchbase
