#pragma once
// harbour.toml: where the database is, how the server listens, where reference data lives.
// Read once at start-up by the CLI (the only layer that reads files besides storage).
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/working_days.h"
#include "matching/names.h"
#include "profile/return_keys.h"
#include "reference/catalogue.h"

namespace harbour::web {
class PdfFonts;
}  // namespace harbour::web

namespace harbour::cli {

struct Config {
  std::string database_url = "sqlite:///var/harbour.db";
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 8;
  std::size_t body_limit = 1024 * 1024;
  bool secure_cookies = false;
  bool trust_forwarded_proto = false;
  bool demo_banner = false;
  std::string assets_dir;     // default: build/assets of the checkout Harbour was built in
  std::string reference_dir;  // default: config/reference of that checkout
  // The multi-agency panel's local name (CSEP, SERAC, MASE...) and how referrers reach the
  // coordinators, both shown in feedback messages.
  std::string panel_name = "exploitation panel";
  std::string panel_contact = "the exploitation coordinator, through Harbour";
  // The repeat-missing rule (DOMAIN.md §5): this many missing episodes within this many days
  // give the coordinators a task to consider a strategy discussion.
  int missing_repeat_threshold = 3;
  int missing_repeat_window_days = 30;
  // How many days before a disruption measure expires its recorder is reminded (a task).
  int disruption_reminder_days = 28;
  // [intelligence] unit: the code of the agency whose intelligence officers receive partner
  // intelligence; empty means the police agency (docs/intelligence.md).
  std::string intelligence_unit;
  // [pdf]: the TrueType fonts the minutes PDF embeds (docs/operations.md); the defaults are the
  // Debian packages' files (web::DebianPdfFontFiles). Checked when `serve` starts.
  std::string pdf_font;
  std::string pdf_bold_font;
  std::vector<std::string> pdf_fallback_fonts;
  // [profile] trusted_keys: the trusted-keys file (`harbour keys public` lines) against which
  // the regional analyst's page checks uploaded returns; "" when none is set (the page then
  // refuses every upload). Read afresh at each upload (ReadTrustedKeys), never at start-up.
  std::string trusted_keys;
};

// Reads `path` if given, else $HARBOUR_CONFIG, else ./config/harbour.toml if present, else
// the defaults above. Relative directories in the file are resolved against the file's
// directory's parent (the checkout, for config/harbour.toml). kInvalid names the bad key.
Result<Config> LoadConfig(const std::string& path);

Result<std::string> ReadFile(const std::string& path);

// The trusted-keys file at `path` read and parsed (profile::ParseTrustedKeys): the regional
// analyst's page calls it at every upload, so that a key added to the file counts without a
// restart, and `profile aggregate` for its --trusted file. kUnavailable ("no_trusted_keys")
// when `path` is empty, ("trusted_keys_unreadable") when the file cannot be read or is larger
// than kMaxTrustedKeysBytes, and ("invalid_trusted_keys") with ParseTrustedKeys' message naming
// the file and line when it is not a trusted-keys file.
inline constexpr std::size_t kMaxTrustedKeysBytes = 1024 * 1024;
Result<profile::TrustedKeys> ReadTrustedKeys(const std::string& path);

// The [pdf] fonts, loaded and checked (`serve` does this before it listens). kInvalid
// ("pdf_font") names the file, the setting that chose it and the Debian package that ships it.
Result<std::shared_ptr<const web::PdfFonts>> LoadPdfFonts(const Config& config);
// The indicator, ethnicity and agency-type lists from `dir`.
Result<reference::Catalogue> LoadCatalogue(const std::string& dir);

// The bank holidays of `dir` (bank-holidays.toml) as a working-day calendar.
Result<WorkingCalendar> LoadCalendar(const std::string& dir);

// The partnership's name variants (name-variants.txt in `dir`), for matching (issue 13). The
// file's problems name it and the line.
Result<std::shared_ptr<const matching::NameVariants>> LoadNameVariants(const std::string& dir);

// "127.0.0.1:8080" → address and port; kInvalid otherwise.
Result<std::pair<std::string, unsigned short>> ParseListen(const std::string& text);

}  // namespace harbour::cli
