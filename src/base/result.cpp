// Secret redaction for error messages.
#include "base/result.h"

#include <regex>

namespace dp::base {

std::string RedactSecrets(std::string text, std::string_view password) {
  if (!password.empty()) {
    for (size_t pos = text.find(password); pos != std::string::npos; pos = text.find(password, pos)) {
      text.replace(pos, password.size(), "****");
      pos += 4;
    }
  }
  // scheme://user:secret@host -> scheme://user:****@host
  static const std::regex kUrlPassword(R"(([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:)([^@\s]*)@)");
  text = std::regex_replace(text, kUrlPassword, "$1****@");
  // password=secret in conninfo strings and query strings
  static const std::regex kKeyPassword(R"(((?:password|authToken|token)\s*=\s*)('[^']*'|[^\s&]+))",
                                       std::regex::icase);
  text = std::regex_replace(text, kKeyPassword, "$1****");
  return text;
}

}  // namespace dp::base
