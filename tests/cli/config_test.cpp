// Config validation and discovery with drizzle-kit's messages.
#include "cli/config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dp::cli {
namespace {

namespace fs = std::filesystem;

TEST(ConfigTest, FlattensCredentialsAndFilters) {
  auto config = ConfigFromJson(nlohmann::json::parse(R"({
    "dialect": "postgresql", "schema": "./src/schema.ts", "tablesFilter": "users*",
    "schemaFilter": ["public", "app"], "extensionsFilters": ["postgis"], "casing": "snake_case",
    "dbCredentials": {"host": "localhost", "port": 5432, "password": "pw"}, "verbose": true})"),
                               "push");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->schema, std::vector<std::string>{"./src/schema.ts"});
  EXPECT_EQ(config->tables_filter, std::vector<std::string>{"users*"});
  EXPECT_EQ(config->schema_filter, (std::vector<std::string>{"public", "app"}));
  EXPECT_EQ(config->casing, "snake_case");
  EXPECT_EQ(config->db_credentials["host"], "localhost");
  EXPECT_EQ(config->db_credentials["port"], 5432);
  EXPECT_TRUE(config->verbose);
}

TEST(ConfigTest, MissingParamsLikeDrizzleKit) {
  auto config = ConfigFromJson(nlohmann::json::parse(R"({"dialect": "postgresql"})"), "push");
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().message, "Please provide required params:\n    dialect: postgresql\n    schema: undefined");
}

TEST(ConfigTest, RejectsBadValues) {
  EXPECT_FALSE(ConfigFromJson(nlohmann::json::parse(R"({"dialect":"sqlite","schema":"a.ts","casing":"kebab"})"), "push"));
  EXPECT_FALSE(ConfigFromJson(nlohmann::json::parse(R"({"dialect":"postgresql","schema":"a.ts","extensionsFilters":["x"]})"), "push"));
  EXPECT_EQ(ConfigFromJson(nlohmann::json::parse(R"({"dialect":"gel","schema":"a.ts"})"), "push").error().message,
            "You can't use 'push' command with Gel dialect");
}

TEST(ConfigTest, ConfigAndOptionsCollide) {
  CommandLine line;
  line.command = "push";
  line.config = "drizzle.config.ts";
  line.options["dialect"] = "sqlite";
  auto config = LoadConfig(line, fs::temp_directory_path().string());
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().message, "You can't use both --config and other cli options for push command");
}

TEST(ConfigTest, DiscoveryOrder) {
  fs::path dir = fs::temp_directory_path() / ("dp-config-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  EXPECT_EQ(FindConfigFile(dir.string(), std::nullopt).error().message,
            (dir / "drizzle.config.json").string() + " file does not exist");
  std::ofstream(dir / "drizzle.config.json") << "{}";
  EXPECT_EQ(*FindConfigFile(dir.string(), std::nullopt), (dir / "drizzle.config.json").string());
  std::ofstream(dir / "drizzle.config.js") << "";
  EXPECT_EQ(*FindConfigFile(dir.string(), std::nullopt), (dir / "drizzle.config.js").string());
  std::ofstream(dir / "drizzle.config.ts") << "";
  EXPECT_EQ(*FindConfigFile(dir.string(), std::nullopt), (dir / "drizzle.config.ts").string());
  fs::remove_all(dir);
}

TEST(ConfigTest, EvaluatesTypeScriptConfigWithEnv) {
  fs::path dir = fs::temp_directory_path() / ("dp-config-ts-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / ".env") << "DP_TEST_DB_FILE=from-dotenv.db\n";
  std::ofstream(dir / "drizzle.config.ts") << R"(import { defineConfig } from "drizzle-kit";
import "dotenv/config";
const file: string = process.env.DP_TEST_DB_FILE!;
export default defineConfig({
  dialect: "sqlite",
  schema: ["./src/a.ts", "./src/b.ts"] as const,
  dbCredentials: { url: `file:${file}` },
});
)";
  CommandLine line;
  line.command = "push";
  auto config = LoadConfig(line, dir.string());
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->dialect, "sqlite");
  EXPECT_EQ(config->schema, (std::vector<std::string>{"./src/a.ts", "./src/b.ts"}));
  EXPECT_EQ(config->db_credentials["url"], "file:from-dotenv.db");
  fs::remove_all(dir);
}

TEST(ConfigTest, ConfigSyntaxErrorIsLocated) {
  fs::path dir = fs::temp_directory_path() / ("dp-config-bad-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "drizzle.config.ts") << "export default {\n  dialect: 'sqlite',,\n};\n";
  CommandLine line;
  line.command = "push";
  auto config = LoadConfig(line, dir.string());
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find("drizzle.config.ts:2:"), std::string::npos) << config.error().message;
  EXPECT_NE(config.error().message.find("error:"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dp::cli
