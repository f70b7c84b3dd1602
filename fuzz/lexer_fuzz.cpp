// libFuzzer target for the lexer: tokenizes arbitrary bytes with DumpTokens (which also decodes
// every token value and exercises regex and template rescans) and renders any diagnostic.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diag.h"
#include "base/source.h"
#include "ts/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dp::base::SourceManager sources;
  dp::base::FileId file = sources.Add("fuzz.ts", std::string(reinterpret_cast<const char*>(data), size));
  dp::base::DiagSink diags;
  std::string tokens = dp::ts::DumpTokens(sources, file, diags);
  std::string rendered = dp::base::RenderAll(sources, diags);
  return tokens.size() + rendered.size() > 0 ? 0 : 0;
}
