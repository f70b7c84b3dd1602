// Rendering of located diagnostics: the caret line is part of the tested surface.
#include "base/diag.h"

#include <gtest/gtest.h>

namespace dp::base {
namespace {

TEST(DiagTest, RendersLocationLineAndCaret) {
  SourceManager sources;
  FileId file = sources.Add("src/schema.ts", "export const t = pgTable('t', {\n  name: vachar('name'),\n});\n");
  Diag diag{DiagKind::EvalNotDefined, Severity::Error, Span{Loc{file, 40}, 6}, "'vachar' is not defined",
            {DiagNote{Span{}, "did you mean 'varchar'?"}}};
  EXPECT_EQ(Render(sources, diag),
            "src/schema.ts:2:9: error: 'vachar' is not defined\n"
            " 2 |   name: vachar('name'),\n"
            "   |         ^~~~~~\n"
            "note: did you mean 'varchar'?\n");
}

TEST(DiagTest, ColumnsCountCodePoints) {
  SourceManager sources;
  FileId file = sources.Add("a.ts", "const é = x;\n");
  Diag diag{DiagKind::EvalNotDefined, Severity::Error, Span{Loc{file, 11}, 1}, "'x' is not defined", {}};
  EXPECT_EQ(Render(sources, diag), "a.ts:1:11: error: 'x' is not defined\n 1 | const é = x;\n   |           ^\n");
}

TEST(DiagTest, SinkCountsErrors) {
  DiagSink sink;
  EXPECT_FALSE(sink.has_errors());
  sink.Error(DiagKind::ParseUnexpectedToken, Span{}, "unexpected");
  EXPECT_TRUE(sink.has_errors());
  EXPECT_STREQ(DiagKindName(sink.diags()[0].kind), "ParseUnexpectedToken");
}

}  // namespace
}  // namespace dp::base
