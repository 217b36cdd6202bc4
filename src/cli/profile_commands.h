#pragma once
// `harbour profile ...` (issue 12; docs/profile.md): importing the area's child population for
// equality monitoring.
#include <CLI/CLI.hpp>
#include <functional>

#include "cli/support.h"

namespace harbour::cli {

// Adds `profile population import FILE` to `app`. The returned function, called after parsing,
// runs whichever of these commands was given and returns its exit code, or -1 when none was.
std::function<int()> AddProfileCommands(CLI::App& app, Common& common);

}  // namespace harbour::cli
