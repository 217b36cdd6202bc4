#pragma once
// `harbour profile ...` (issue 12; docs/profile.md, "The regional and national
// return"): importing the area's child population for equality monitoring, writing the
// partnership's signed regional and national return, and combining several partnerships' returns
// into published tables.
#include <CLI/CLI.hpp>
#include <functional>

#include "cli/support.h"

namespace harbour::cli {

// Adds `profile population import FILE`, `profile return` and `profile aggregate` to `app`, and
// the `keys` commands that go with the return (cli/keys_commands.h). The returned function,
// called after parsing, runs whichever of these commands was given and returns its exit code,
// or -1 when none was.
std::function<int()> AddProfileCommands(CLI::App& app, Common& common);

}  // namespace harbour::cli
