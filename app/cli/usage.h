// The command-line usage, in one place: `carekiosk --help` prints all of it,
// each command's usage error prints its own part, and a test keeps the
// README's copy equal to `--help`.
#pragma once
#include <cstdio>
#include <string>

namespace ck {

// All commands, as `carekiosk --help` prints them.
void PrintUsage(std::FILE* out);
// "carekiosk <command>: <problem>" and that command's usage on stderr;
// returns 2, the exit status of a usage error. `command` "" is the kiosk.
int UsageError(const std::string& command, const std::string& problem);

} // namespace ck
