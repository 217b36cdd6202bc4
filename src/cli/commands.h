#pragma once
// The `harbour` command line. Run returns the process exit code: 0 success, 1 a failure the
// message explains, 2 bad usage.
namespace harbour::cli {

int Run(int argc, char** argv);

}  // namespace harbour::cli
