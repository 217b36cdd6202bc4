// harbour: the web application and every admin and batch job, as subcommands (CLI11).
#include "cli/commands.h"

int main(int argc, char** argv) { return harbour::cli::Run(argc, argv); }
