#include "cli/config.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <toml.hpp>

#include "common/toml_text.h"
#include "web/core/pdf_document.h"

namespace harbour::cli {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorKind::kInvalid, "file_unreadable", "Cannot read " + path + ".");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Result<profile::TrustedKeys> ReadTrustedKeys(const std::string& path) {
  if (path.empty()) {
    return Fail(ErrorKind::kUnavailable, "no_trusted_keys",
                "No partnership's key is trusted yet: an administrator sets [profile] "
                "trusted_keys in harbour.toml to the trusted-keys file.");
  }
  std::error_code size_error;
  const auto size = fs::file_size(path, size_error);
  if (size_error || size > kMaxTrustedKeysBytes) {
    return Fail(ErrorKind::kUnavailable, "trusted_keys_unreadable",
                "The trusted-keys file " + path + " cannot be read" +
                    (size_error ? "." : ": it is larger than 1 MiB."));
  }
  auto text = ReadFile(path);
  if (!text) {
    return Fail(ErrorKind::kUnavailable, "trusted_keys_unreadable",
                "The trusted-keys file " + path + " cannot be read.");
  }
  auto keys = profile::ParseTrustedKeys(*text, path);
  if (!keys) {
    // The file is the installation's, not the uploader's: a service problem, not their input.
    return Fail(ErrorKind::kUnavailable, keys.error().code, keys.error().message);
  }
  return keys;
}

namespace {

std::string Resolve(const fs::path& base, const std::string& value) {
  if (value.empty() || fs::path(value).is_absolute()) return value;
  return (base / value).lexically_normal().string();
}

// `table.key` from the document, or `fallback` when absent; toml11 throws on a wrong type,
// which LoadConfig reports. (toml11 3.7's multi-key find_or crashes on some inputs.)
template <class T>
T Setting(const toml::value& data, const char* table, const char* key, T fallback) {
  if (!data.is_table() || !data.contains(table)) return fallback;
  const toml::value& section = toml::find(data, table);
  if (!section.is_table() || !section.contains(key)) return fallback;
  return toml::get<T>(toml::find(section, key));
}

}  // namespace

Result<Config> LoadConfig(const std::string& path) {
  Config config;
  const web::PdfFontFiles debian_fonts = web::DebianPdfFontFiles();
  config.pdf_font = debian_fonts.regular;
  config.pdf_bold_font = debian_fonts.bold;
  config.pdf_fallback_fonts = debian_fonts.fallbacks;
  config.assets_dir = HARBOUR_ASSETS_DIR;
  config.reference_dir = HARBOUR_SOURCE_DIR "/config/reference";
  std::string file = path;
  if (file.empty()) {
    if (const char* env = std::getenv("HARBOUR_CONFIG")) file = env;
  }
  if (file.empty() && fs::exists("config/harbour.toml")) file = "config/harbour.toml";
  if (file.empty()) return config;
  auto text = ReadFile(file);
  if (!text) return std::unexpected(text.error());
  fs::path base = fs::absolute(file).parent_path().parent_path();
  if (auto problem = CheckTomlText(*text)) {
    return Fail(ErrorKind::kInvalid, "bad_config",
                file + ", line " + std::to_string(problem->line) + ": " + problem->what);
  }
  try {
    std::istringstream in(*text);
    auto data = toml::parse(in, file);
    config.database_url = Setting<std::string>(data, "database", "url", config.database_url);
    constexpr std::string_view kSqlite = "sqlite:///";
    if (config.database_url.starts_with(kSqlite)) {
      // A relative SQLite path in the file is relative to the checkout, not the cwd.
      config.database_url =
          std::string(kSqlite) + Resolve(base, config.database_url.substr(kSqlite.size()));
    }
    config.listen = Setting<std::string>(data, "server", "listen", config.listen);
    auto threads = Setting<std::int64_t>(data, "server", "threads", config.threads);
    auto body_limit = Setting<std::int64_t>(data, "server", "body_limit",
                                            static_cast<std::int64_t>(config.body_limit));
    if (threads < 1 || threads > 256) {
      return Fail(ErrorKind::kInvalid, "bad_config", "server.threads must be between 1 and 256.");
    }
    if (body_limit < 1024 || body_limit > 64LL * 1024 * 1024) {
      return Fail(ErrorKind::kInvalid, "bad_config",
                  "server.body_limit must be between 1 KiB and 64 MiB.");
    }
    config.threads = static_cast<unsigned>(threads);
    config.body_limit = static_cast<std::size_t>(body_limit);
    config.secure_cookies = Setting<bool>(data, "server", "secure_cookies", false);
    config.trust_forwarded_proto = Setting<bool>(data, "server", "trust_forwarded_proto", false);
    config.demo_banner = Setting<bool>(data, "server", "demo_banner", false);
    config.assets_dir =
        Resolve(base, Setting<std::string>(data, "server", "assets_dir", config.assets_dir));
    config.reference_dir =
        Resolve(base, Setting<std::string>(data, "reference", "dir", config.reference_dir));
    config.panel_name = Setting<std::string>(data, "panel", "name", config.panel_name);
    config.panel_contact = Setting<std::string>(data, "panel", "contact", config.panel_contact);
    if (config.panel_name.empty() || config.panel_name.size() > 100 ||
        config.panel_contact.size() > 300) {
      return Fail(ErrorKind::kInvalid, "bad_config",
                  "panel.name must be 1 to 100 characters and panel.contact at most 300.");
    }
    auto threshold =
        Setting<std::int64_t>(data, "missing", "repeat_threshold", config.missing_repeat_threshold);
    auto window = Setting<std::int64_t>(data, "missing", "repeat_window_days",
                                        config.missing_repeat_window_days);
    if (threshold < 2 || threshold > 50 || window < 1 || window > 366) {
      return Fail(ErrorKind::kInvalid, "bad_config",
                  "missing.repeat_threshold must be between 2 and 50 and "
                  "missing.repeat_window_days between 1 and 366.");
    }
    config.missing_repeat_threshold = static_cast<int>(threshold);
    config.missing_repeat_window_days = static_cast<int>(window);
    auto reminder =
        Setting<std::int64_t>(data, "disruption", "reminder_days", config.disruption_reminder_days);
    if (reminder < 0 || reminder > 366) {
      return Fail(ErrorKind::kInvalid, "bad_config",
                  "disruption.reminder_days must be between 0 and 366.");
    }
    config.disruption_reminder_days = static_cast<int>(reminder);
    config.intelligence_unit =
        Setting<std::string>(data, "intelligence", "unit", config.intelligence_unit);
    if (config.intelligence_unit.size() > 16) {
      return Fail(ErrorKind::kInvalid, "bad_config",
                  "intelligence.unit must be an agency code (at most 16 characters).");
    }
    config.pdf_font = Resolve(base, Setting<std::string>(data, "pdf", "font", config.pdf_font));
    config.pdf_bold_font =
        Resolve(base, Setting<std::string>(data, "pdf", "bold_font", config.pdf_bold_font));
    config.pdf_fallback_fonts =
        Setting<std::vector<std::string>>(data, "pdf", "fallback_fonts", config.pdf_fallback_fonts);
    for (std::string& font : config.pdf_fallback_fonts) font = Resolve(base, font);
    config.trusted_keys =
        Resolve(base, Setting<std::string>(data, "profile", "trusted_keys", config.trusted_keys));
    if (config.pdf_font.empty() || config.pdf_bold_font.empty() ||
        std::ranges::any_of(config.pdf_fallback_fonts, &std::string::empty)) {
      return Fail(ErrorKind::kInvalid, "bad_config",
                  "pdf.font, pdf.bold_font and each of pdf.fallback_fonts must name a font file.");
    }
  } catch (const std::exception& e) {
    return Fail(ErrorKind::kInvalid, "bad_config", "Cannot use " + file + ": " + e.what());
  }
  return config;
}

Result<std::shared_ptr<const web::PdfFonts>> LoadPdfFonts(const Config& config) {
  web::PdfFontFiles files{config.pdf_font, config.pdf_bold_font, config.pdf_fallback_fonts};
  auto fonts = web::PdfFonts::Load(files);
  if (fonts) return std::move(*fonts);
  // Which setting chose the file, and which Debian package ships it.
  Error error = fonts.error();
  std::string setting = "pdf.fallback_fonts";
  for (const auto& [path, key] :
       {std::pair{config.pdf_font, "pdf.font"}, std::pair{config.pdf_bold_font, "pdf.bold_font"}}) {
    if (error.message.find(path) != std::string::npos) setting = key;
  }
  std::string package;
  for (const auto& [folder, name] : {std::pair{"/truetype/dejavu/", "fonts-dejavu-core"},
                                     std::pair{"/truetype/noto/", "fonts-noto-core"},
                                     std::pair{"/truetype/wqy/", "fonts-wqy-microhei"}}) {
    if (error.message.find(folder) != std::string::npos) package = name;
  }
  error.message += " The minutes PDF needs it (" + setting + " in harbour.toml): " +
                   (package.empty() ? "" : "install the Debian package " + package + " or ") +
                   "set " + setting + " to a TrueType font file (docs/operations.md).";
  return std::unexpected(error);
}

Result<reference::Catalogue> LoadCatalogue(const std::string& dir) {
  auto indicators_text = ReadFile(dir + "/indicators.toml");
  if (!indicators_text) return std::unexpected(indicators_text.error());
  auto ethnicity_text = ReadFile(dir + "/ethnicity.toml");
  if (!ethnicity_text) return std::unexpected(ethnicity_text.error());
  auto types_text = ReadFile(dir + "/agency-types.toml");
  if (!types_text) return std::unexpected(types_text.error());
  auto indicators = reference::Catalogue::ParseIndicators(*indicators_text);
  if (!indicators) return std::unexpected(indicators.error());
  auto ethnicities = reference::Catalogue::ParseCodes(*ethnicity_text, "ethnicity");
  if (!ethnicities) return std::unexpected(ethnicities.error());
  auto types = reference::Catalogue::ParseCodes(*types_text, "agency_type");
  if (!types) return std::unexpected(types.error());
  return reference::Catalogue(std::move(*indicators), std::move(*ethnicities), std::move(*types));
}

Result<WorkingCalendar> LoadCalendar(const std::string& dir) {
  auto text = ReadFile(dir + "/bank-holidays.toml");
  if (!text) return std::unexpected(text.error());
  return WorkingCalendar::Parse(*text);
}

Result<std::shared_ptr<const matching::NameVariants>> LoadNameVariants(const std::string& dir) {
  std::string path = dir + "/name-variants.txt";
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto variants = matching::NameVariants::Parse(*text);
  if (!variants) {
    Error e = variants.error();
    e.message = path + ": " + e.message;
    return std::unexpected(e);
  }
  return std::make_shared<const matching::NameVariants>(std::move(*variants));
}

Result<std::pair<std::string, unsigned short>> ParseListen(const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Fail(ErrorKind::kInvalid, "bad_listen",
                "--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8080.");
  }
  unsigned port = 0;
  const char* begin = text.data() + colon + 1;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(begin, end, port);
  if (ec != std::errc() || ptr != end || port > 65535) {
    return Fail(ErrorKind::kInvalid, "bad_listen", "The port must be a number from 0 to 65535.");
  }
  return std::pair<std::string, unsigned short>{text.substr(0, colon),
                                                static_cast<unsigned short>(port)};
}

}  // namespace harbour::cli
