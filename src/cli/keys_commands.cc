#include "cli/keys_commands.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

#include "cli/config.h"

namespace harbour::cli {
namespace {

std::unexpected<Error> Unwritable(const std::string& path, int error_number) {
  return Fail(ErrorKind::kInvalid, "file_unwritable",
              "Cannot write " + path + ": " + std::strerror(error_number) + ".");
}

// Writes all of `text` to `fd`; false (errno set) when it could not.
bool WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return ::fsync(fd) == 0;
}

struct GenerateOptions {
  std::string code, name, out;
};

int Generate(const GenerateOptions& o) {
  auto key = profile::GenerateSigningKey(o.code, o.name);
  if (!key) return Report(key.error());
  std::string text = profile::SigningKeyFileText(*key);
  auto written = WriteNewFile(o.out, text, 0600);
  sodium_memzero(text.data(), text.size());
  if (!written) return Report(written.error());
  const profile::PublicKey& pk = key->key.Public();
  std::cout << "Wrote the signing key of " << key->partnership_name << " (" << key->partnership_code
            << ") to " << o.out << ", readable only by this account (mode 0600).\n"
            << "Keep it secret, and keep a copy where the partnership keeps its secrets: a lost "
               "key means a new key and a new line in the region's trusted-keys file.\n"
            << "The line for the region's trusted-keys file (key id " << profile::KeyId(pk)
            << "):\n"
            << profile::TrustedKeyLine(key->partnership_code, pk) << "\n";
  return 0;
}

int PrintPublic(const std::string& key_file) {
  auto key = ReadSigningKey(key_file);
  if (!key) return Report(key.error());
  std::cout << profile::TrustedKeyLine(key->partnership_code, key->key.Public()) << "\n";
  return 0;
}

}  // namespace

Result<void> WriteNewFile(const std::string& path, std::string_view text, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0 && errno == EEXIST) {
    return Fail(ErrorKind::kConflict, "file_exists",
                path +
                    " exists already: Harbour never overwrites it. Remove it, or choose "
                    "another file.");
  }
  if (fd < 0) return Unwritable(path, errno);
  bool done = ::fchmod(fd, mode) == 0 && WriteAll(fd, text);
  int error_number = errno;
  done = ::close(fd) == 0 && done;
  if (!done) {
    ::unlink(path.c_str());
    return Unwritable(path, error_number);
  }
  return {};
}

Result<profile::SigningKey> ReadSigningKey(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return Fail(ErrorKind::kInvalid, "invalid_key_file", "Cannot read the key file " + path + ".");
  }
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return Fail(ErrorKind::kInvalid, "invalid_key_file",
                path +
                    ": other accounts may read or change this signing key; it must be "
                    "readable by its owner only: chmod 600 " +
                    path);
  }
  if (static_cast<std::size_t>(info.st_size) > profile::kMaxKeyFileBytes) {
    return Fail(ErrorKind::kInvalid, "invalid_key_file",
                path + ": is too large to be a Harbour signing key.");
  }
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto key = profile::ParseSigningKeyFile(*text, path);
  sodium_memzero(text->data(), text->size());
  return key;
}

std::function<int()> AddKeysCommands(CLI::App& app, Common& /*common*/) {
  auto* keys =
      app.add_subcommand("keys",
                         "The key that signs the partnership's regional and national return "
                         "(docs/profile.md, The regional and national return)");
  keys->require_subcommand(1);
  auto generate = std::make_shared<GenerateOptions>();
  auto* gen = keys->add_subcommand(
      "generate", "Make a new signing key (a secret file, mode 0600) and print its public key");
  gen->add_option("--partnership-code", generate->code,
                  "The partnership's code in returns (letters, digits, '-', '_'), e.g. north")
      ->required();
  gen->add_option("--partnership-name", generate->name,
                  "The partnership's name in returns, e.g. \"North Harbour Safeguarding "
                  "Partnership\"")
      ->required();
  gen->add_option("--out", generate->out, "The key file to write (never overwritten)")->required();
  auto key_file = std::make_shared<std::string>();
  auto* pub = keys->add_subcommand(
      "public", "Print the key's line for the region's trusted-keys file: CODE PUBLIC_KEY");
  pub->add_option("--key", *key_file, "The signing key file")->required();
  return [gen, pub, generate, key_file]() -> int {
    if (gen->parsed()) return Generate(*generate);
    if (pub->parsed()) return PrintPublic(*key_file);
    return -1;
  };
}

}  // namespace harbour::cli
