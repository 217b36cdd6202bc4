#include "web/core/errors.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace harbour::web {
namespace {

TEST(StatusForTest, MapsEveryKind) {
  EXPECT_EQ(StatusFor(ErrorKind::kInvalid), 422u);
  EXPECT_EQ(StatusFor(ErrorKind::kMalformed), 400u);
  EXPECT_EQ(StatusFor(ErrorKind::kUnauthenticated), 401u);
  EXPECT_EQ(StatusFor(ErrorKind::kForbidden), 403u);
  EXPECT_EQ(StatusFor(ErrorKind::kNotFound), 404u);
  EXPECT_EQ(StatusFor(ErrorKind::kConflict), 409u);
  EXPECT_EQ(StatusFor(ErrorKind::kTooLarge), 413u);
  EXPECT_EQ(StatusFor(ErrorKind::kLocked), 423u);
  EXPECT_EQ(StatusFor(ErrorKind::kUnavailable), 503u);
  EXPECT_EQ(StatusFor(ErrorKind::kInternal), 500u);
}

TEST(JsonErrorTest, CarriesCodeMessageAndFields) {
  const Error error = Invalid({{"date_of_birth", "Enter a date in the past."}}).error();
  const Response response = JsonError(error);
  EXPECT_EQ(response.status, 422u);
  EXPECT_EQ(response.content_type, "application/json");
  const nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "validation_failed");
  EXPECT_EQ(body["error"]["message"], "Check the highlighted fields.");
  EXPECT_EQ(body["error"]["fields"]["date_of_birth"], "Enter a date in the past.");
  EXPECT_EQ(body.size(), 1u);
}

TEST(JsonErrorTest, FieldsObjectIsAlwaysPresent) {
  const Response response = JsonError(NotFound("No such child.").error());
  EXPECT_EQ(response.status, 404u);
  const nlohmann::json body = nlohmann::json::parse(response.body);
  ASSERT_TRUE(body["error"].contains("fields"));
  EXPECT_TRUE(body["error"]["fields"].is_object());
  EXPECT_TRUE(body["error"]["fields"].empty());
  EXPECT_EQ(body["error"]["code"], "not_found");
}

TEST(JsonErrorTest, EscapesAndSurvivesInvalidUtf8) {
  Error error{ErrorKind::kMalformed, "bad_input", "Quote \" and \xff byte", {}};
  const Response response = JsonError(error);
  EXPECT_EQ(response.status, 400u);
  const nlohmann::json body = nlohmann::json::parse(response.body);
  const std::string message = body["error"]["message"];
  EXPECT_TRUE(message.starts_with("Quote \" and "));
  EXPECT_EQ(message.find('\xff'), std::string::npos);
}

}  // namespace
}  // namespace harbour::web
