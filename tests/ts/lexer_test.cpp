// Lexer tests: token boundaries and values (through DumpTokens), lexical errors with their
// carets, and the value helpers (NumberToJsString, RadixToDecimal, UTF-8).
#include <gtest/gtest.h>

#include "ts/lexer.h"
#include "parser_test_util.h"

namespace dp::ts {
namespace {

using testing::Case;
using testing::LexDump;

// The token line of a one-token source (first line of the dump).
std::string FirstToken(std::string_view source) {
  std::string dump = LexDump(source);
  return dump.substr(0, dump.find('\n'));
}

TEST(Lexer, Tokens) {
  const Case cases[] = {
      {"x", "1:1 Identifier \"x\""},
      {"$_a1", "1:1 Identifier \"$_a1\""},
      {"\\u0061b", "1:1 Identifier \"\\\\u0061b\" = \"ab\""},
      {"\\u{62}c", "1:1 Identifier \"\\\\u{62}c\" = \"bc\""},
      {"caf\xC3\xA9", "1:1 Identifier \"caf\xC3\xA9\""},
      {"\xE5\x90\x8D\xE5\x89\x8D", "1:1 Identifier \"\xE5\x90\x8D\xE5\x89\x8D\""},
      {"\\u0066or", "1:1 EscapedKeyword \"\\\\u0066or\" = \"for\""},
      {"for", "1:1 for \"for\""},
      {"instanceof", "1:1 instanceof \"instanceof\""},
      {"let", "1:1 Identifier \"let\""},
      {"#priv", "1:1 PrivateIdentifier \"#priv\""},
      {"42", "1:1 Number \"42\" = 42"},
      {"1_000_000", "1:1 Number \"1_000_000\" = 1000000"},
      {"0x1F", "1:1 Number \"0x1F\" = 31"},
      {"0o17", "1:1 Number \"0o17\" = 15"},
      {"0b1010", "1:1 Number \"0b1010\" = 10"},
      {"017", "1:1 Number \"017\" = 15"},
      {"089", "1:1 Number \"089\" = 89"},
      {".5", "1:1 Number \".5\" = 0.5"},
      {"5.", "1:1 Number \"5.\" = 5"},
      {"1e21", "1:1 Number \"1e21\" = 1e+21"},
      {"1.5E-7", "1:1 Number \"1.5E-7\" = 1.5e-7"},
      {"1e400", "1:1 Number \"1e400\" = Infinity"},
      {"0xFFFFFFFFFFFFFFFFF", "1:1 Number \"0xFFFFFFFFFFFFFFFFF\" = 295147905179352830000"},
      {"123n", "1:1 BigInt \"123n\" = 123"},
      {"0x1_Fn", "1:1 BigInt \"0x1_Fn\" = 31"},
      {"0xFFFFFFFFFFFFFFFFFFFFn", "1:1 BigInt \"0xFFFFFFFFFFFFFFFFFFFFn\" = 1208925819614629174706175"},
      {"0n", "1:1 BigInt \"0n\" = 0"},
      {"'a\\nb'", "1:1 String \"'a\\\\nb'\" = \"a\\nb\""},
      {"\"\\x41\\u0042\\u{43}\\103\\0\"", "1:1 String \"\\\"\\\\x41\\\\u0042\\\\u{43}\\\\103\\\\0\\\"\" = \"ABCC\\x00\""},
      {"'\\uD83D\\uDE00'", "1:1 String \"'\\\\uD83D\\\\uDE00'\" = \"\xF0\x9F\x98\x80\""},
      {"'a\\\nb'", "1:1 String \"'a\\\\\\nb'\" = \"ab\""},
      {"'\\q\\\"'", "1:1 String \"'\\\\q\\\\\\\"'\" = \"q\\\"\""},
      {"`a\\tb`", "1:1 NoSubstitutionTemplate \"`a\\\\tb`\" = \"a\\tb\""},
      {"`a\r\nb`", "1:1 NoSubstitutionTemplate \"`a\\r\\nb`\" = \"a\\nb\""},
      {"`\\unicode`", "1:1 NoSubstitutionTemplate \"`\\\\unicode`\" = undefined"},
      {"?.", "1:1 ?. \"?.\""},
      {">>>=", "1:1 >>>= \">>>=\""},
      {"?\?=", "1:1 ?\?= \"?\?=\""},
      {"**=", "1:1 **= \"**=\""},
  };
  for (const Case& c : cases) EXPECT_EQ(FirstToken(c.source), c.expected) << c.source;
}

TEST(Lexer, Sequences) {
  EXPECT_EQ(LexDump("a?.5:b"),
            "1:1 Identifier \"a\"\n1:2 ? \"?\"\n1:3 Number \".5\" = 0.5\n1:5 : \":\"\n1:6 Identifier \"b\"\n1:7 end of file");
  EXPECT_EQ(LexDump("x = /a[/]b/gi"),
            "1:1 Identifier \"x\"\n1:3 = \"=\"\n1:5 RegExp \"/a[/]b/gi\" = \"a[/]b\" \"gi\"\n1:14 end of file");
  EXPECT_EQ(LexDump("a / b"), "1:1 Identifier \"a\"\n1:3 / \"/\"\n1:5 Identifier \"b\"\n1:6 end of file");
  EXPECT_EQ(LexDump("`a${b}c${d}e`"),
            "1:1 TemplateHead \"`a${\" = \"a\"\n1:5 Identifier \"b\"\n1:6 TemplateMiddle \"}c${\" = \"c\"\n"
            "1:10 Identifier \"d\"\n1:11 TemplateTail \"}e`\" = \"e\"\n1:14 end of file");
  EXPECT_EQ(LexDump("`${ {a:1} }`"),
            "1:1 TemplateHead \"`${\" = \"\"\n1:5 { \"{\"\n1:6 Identifier \"a\"\n1:7 : \":\"\n1:8 Number \"1\" = 1\n"
            "1:9 } \"}\"\n1:11 TemplateTail \"}`\" = \"\"\n1:13 end of file");
  EXPECT_EQ(LexDump("a // c\n/* d\n */ b"), "1:1 Identifier \"a\"\n3:5 Identifier \"b\" nl\n3:6 end of file");
  EXPECT_EQ(LexDump("a /* no newline */ b"), "1:1 Identifier \"a\"\n1:20 Identifier \"b\"\n1:21 end of file");
  EXPECT_EQ(LexDump("#!/usr/bin/env node\nx"), "2:1 Identifier \"x\" nl\n2:2 end of file");
  EXPECT_EQ(LexDump("\xEF\xBB\xBFx"), "1:2 Identifier \"x\"\n1:3 end of file");
  EXPECT_EQ(LexDump("a\xE2\x80\xA8" "b"), "1:1 Identifier \"a\"\n1:3 Identifier \"b\" nl\n1:4 end of file");
  EXPECT_EQ(LexDump("a\xC2\xA0" "b"), "1:1 Identifier \"a\"\n1:3 Identifier \"b\"\n1:4 end of file");
}

TEST(Lexer, Errors) {
  const Case cases[] = {
      {"'abc", "test.ts:1:1: error: Unterminated string literal\n 1 | 'abc\n   | ^"},
      {"x = 'a\nb'", "1:1 Identifier \"x\"\n1:3 = \"=\"\ntest.ts:1:5: error: Unterminated string literal\n 1 | x = 'a\n   |     ^"},
      {"`abc", "test.ts:1:1: error: Unterminated template literal\n 1 | `abc\n   | ^"},
      {"/* x", "test.ts:1:1: error: Expected \"*/\" to terminate multi-line comment\n 1 | /* x\n   | ^~"},
      {"= /abc\n", "1:1 = \"=\"\ntest.ts:1:3: error: Unterminated regular expression\n 1 | = /abc\n   |   ^"},
      {"= /a/gg", "1:1 = \"=\"\ntest.ts:1:7: error: Invalid regular expression flag \"g\"\n 1 | = /a/gg\n   |       ^"},
      {"1_", "test.ts:1:2: error: Invalid numeric separator\n 1 | 1_\n   |  ^"},
      {"0x", "test.ts:1:3: error: Expected digits after the number prefix\n 1 | 0x\n   |   ^"},
      {"1e+", "test.ts:1:4: error: Expected digits in the exponent\n 1 | 1e+\n   |    ^"},
      {"1.5n", "test.ts:1:4: error: Invalid bigint literal\n 1 | 1.5n\n   |    ^"},
      {"3in", "test.ts:1:2: error: Unexpected character after number\n 1 | 3in\n   |  ^"},
      {"'\\x4'", "test.ts:1:2: error: Invalid hexadecimal escape sequence\n 1 | '\\x4'\n   |  ^~"},
      {"'\\u{110000}'", "test.ts:1:2: error: Unicode escape sequence is out of range\n 1 | '\\u{110000}'\n   |  ^~~~~~~~~"},
      {"\\u0031x", "test.ts:1:1: error: Invalid identifier character in escape sequence\n 1 | \\u0031x\n   | ^~~~~~"},
      {"a \xC2\xA7", "1:1 Identifier \"a\"\ntest.ts:1:3: error: Unexpected \"\xC2\xA7\"\n 1 | a \xC2\xA7\n   |   ^"},
      {"a \x01", "1:1 Identifier \"a\"\ntest.ts:1:3: error: Unexpected \"\\x01\"\n 1 | a \x01\n   |   ^"},
  };
  for (const Case& c : cases) EXPECT_EQ(LexDump(c.source), c.expected) << c.source;
}

TEST(Lexer, NumberToJsString) {
  EXPECT_EQ(NumberToJsString(0), "0");
  EXPECT_EQ(NumberToJsString(-0.0), "0");
  EXPECT_EQ(NumberToJsString(1), "1");
  EXPECT_EQ(NumberToJsString(-1.5), "-1.5");
  EXPECT_EQ(NumberToJsString(0.1), "0.1");
  EXPECT_EQ(NumberToJsString(1e21), "1e+21");
  EXPECT_EQ(NumberToJsString(1e20), "100000000000000000000");
  EXPECT_EQ(NumberToJsString(123456789.125), "123456789.125");
  EXPECT_EQ(NumberToJsString(1e-6), "0.000001");
  EXPECT_EQ(NumberToJsString(1e-7), "1e-7");
  EXPECT_EQ(NumberToJsString(1.25e-7), "1.25e-7");
  EXPECT_EQ(NumberToJsString(2.5e25), "2.5e+25");
  EXPECT_EQ(NumberToJsString(1.0 / 0.0), "Infinity");
  EXPECT_EQ(NumberToJsString(-1.0 / 0.0), "-Infinity");
  EXPECT_EQ(NumberToJsString(0.0 / 0.0), "NaN");
}

TEST(Lexer, Helpers) {
  EXPECT_EQ(RadixToDecimal("ff", 16), "255");
  EXPECT_EQ(RadixToDecimal("0", 16), "0");
  EXPECT_EQ(RadixToDecimal("1000000000000000000000000000000", 2), "1073741824");
  EXPECT_EQ(RadixToDecimal("123456789012345678901234567890", 10), "123456789012345678901234567890");
  std::string s;
  AppendUtf8(s, 0x1F600);
  EXPECT_EQ(s, "\xF0\x9F\x98\x80");
  uint32_t len = 0;
  EXPECT_EQ(DecodeUtf8(s, &len), 0x1F600u);
  EXPECT_EQ(len, 4u);
  EXPECT_EQ(DecodeUtf8("\xFF", &len), 0xFFFDu);
  EXPECT_EQ(len, 1u);
  EXPECT_TRUE(IsIdentifierName("caf\xC3\xA9"));
  EXPECT_FALSE(IsIdentifierName("a-b"));
  EXPECT_FALSE(IsIdentifierName("1a"));
  EXPECT_TRUE(IsIdStart(0x3C0));      // π
  EXPECT_FALSE(IsIdStart(0x0660));    // Arabic-Indic digit zero
  EXPECT_TRUE(IsIdContinue(0x0660));
  EXPECT_TRUE(IsIdContinue(0x200D));  // ZWJ
}

TEST(Lexer, EveryKeywordIsRecognized) {
#define DP_TS_X(name, text) EXPECT_EQ(KeywordToken(text), Tok::name) << text;
  DP_TS_KEYWORDS(DP_TS_X)
#undef DP_TS_X
  for (const char* word : {"let", "async", "await", "of", "type", "as", "from", "forx", "nul", "instanceOf", "x"}) {
    EXPECT_EQ(KeywordToken(word), Tok::Identifier) << word;
  }
}

TEST(Lexer, BacktrackingRestoresState) {
  Lexer lexer("a b c", 1);
  lexer.Next();
  Lexer::State saved = lexer.state();
  lexer.Next();
  lexer.Next();
  EXPECT_EQ(lexer.Raw(), "c");
  lexer.Restore(saved);
  EXPECT_EQ(lexer.Raw(), "a");
  lexer.Next();
  EXPECT_EQ(lexer.Raw(), "b");
}

TEST(Lexer, SplitsGreaterThan) {
  Lexer lexer("a>>=b", 1);
  lexer.Next();
  lexer.Next();
  EXPECT_EQ(lexer.token(), Tok::GreaterThanGreaterThanEquals);
  EXPECT_TRUE(lexer.ConsumeGreaterThan());
  EXPECT_EQ(lexer.token(), Tok::GreaterThanEquals);
  EXPECT_TRUE(lexer.ConsumeGreaterThan());
  EXPECT_EQ(lexer.token(), Tok::Equals);
  EXPECT_FALSE(lexer.ConsumeGreaterThan());
  lexer.Next();
  EXPECT_EQ(lexer.Raw(), "b");
}

}  // namespace
}  // namespace dp::ts
