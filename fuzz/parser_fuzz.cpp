// libFuzzer target for the parser: parses arbitrary bytes as a module, dumps the tree on success
// and renders the diagnostic on failure (so bad spans are caught too). The first byte picks the
// dialect: TypeScript, JavaScript or TSX.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diag.h"
#include "base/source.h"
#include "ts/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const char* path = "fuzz.ts";
  if (size > 0 && data[0] == 'J') path = "fuzz.js";
  if (size > 0 && data[0] == 'X') path = "fuzz.tsx";
  dp::base::SourceManager sources;
  dp::base::FileId file = sources.Add(path, std::string(reinterpret_cast<const char*>(data), size));
  dp::base::DiagSink diags;
  std::optional<dp::ts::Ast> ast = dp::ts::ParseModule(sources, file, diags);
  if (ast) {
    std::string dump = dp::ts::DumpAst(*ast, true);
    (void)dump;
  } else if (!diags.has_errors()) {
    __builtin_trap();  // a failed parse must always explain itself
  }
  std::string rendered = dp::base::RenderAll(sources, diags);
  (void)rendered;
  return 0;
}
