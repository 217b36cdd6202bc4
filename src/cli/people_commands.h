#pragma once
// `harbour people match FILE.csv --out clusters.csv [--pairs pairs.csv]` (issue 13;
// docs/matching.md, "Batch files"): a partner's list of people (a school roll, a project's list)
// matched within itself, each record given the cluster of the person it is. Nothing is read from
// or written to the database.
#include <CLI/CLI.hpp>
#include <functional>

#include "cli/support.h"

namespace harbour::cli {

// Adds `people match` to `app`. The returned function, called after parsing, runs it when it was
// given and returns its exit code, or -1 when it was not.
std::function<int()> AddPeopleCommands(CLI::App& app, Common& common);

}  // namespace harbour::cli
