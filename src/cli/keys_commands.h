#pragma once
// `harbour keys ...` (issue 12; docs/profile.md, "The regional and national return"): the key with
// which a partnership signs its regional and national return, and the line of the region's
// trusted-keys file that goes with it. Also the two file helpers the return commands share: writing
// a file that must not exist yet, and reading a signing key that only its owner may read.
#include <sys/types.h>

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>

#include "cli/support.h"
#include "common/error.h"
#include "profile/return_keys.h"

namespace harbour::cli {

// Adds `keys generate` and `keys public` to `app`. The returned function, called after parsing,
// runs whichever was given and returns its exit code, or -1 when neither was.
std::function<int()> AddKeysCommands(CLI::App& app, Common& common);

// Writes `text` to a new file at `path` with permissions `mode` (umask aside). kConflict
// ("file_exists") when something is at `path` already: it is never overwritten or followed;
// kInvalid ("file_unwritable") when it cannot be written, and then no file is left behind.
Result<void> WriteNewFile(const std::string& path, std::string_view text, mode_t mode);

// The signing key in `path`: kInvalid naming the file when it cannot be read, when other
// accounts may read or write it (it must be mode 0600 or stricter), or when it is not a key
// file (profile::ParseSigningKeyFile).
Result<profile::SigningKey> ReadSigningKey(const std::string& path);

}  // namespace harbour::cli
