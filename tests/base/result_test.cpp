// Redaction of secrets in error text.
#include "base/result.h"

#include <gtest/gtest.h>

namespace dp::base {
namespace {

TEST(RedactTest, UrlPassword) {
  EXPECT_EQ(RedactSecrets("could not connect to postgres://app:s3cret@db:5432/x"),
            "could not connect to postgres://app:****@db:5432/x");
}

TEST(RedactTest, ConninfoAndLiteral) {
  EXPECT_EQ(RedactSecrets("host=a password=hunter2 user=b"), "host=a password=**** user=b");
  EXPECT_EQ(RedactSecrets("auth failed for hunter2!", "hunter2"), "auth failed for ****!");
}

TEST(ResultTest, WrapAddsContext) {
  Result<int> failed = Fail("bad {}", 1);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().Wrap("introspect").message, "introspect: bad 1");
}

}  // namespace
}  // namespace dp::base
