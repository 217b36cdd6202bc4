#include "web/parse/multipart.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace harbour::web {
namespace {

using namespace std::string_literals;

constexpr std::string_view kBoundary = "----harbourBoundary7MA4YWxk";

// A body as a browser sends it: each part's header lines, a blank line, its content, and the
// closing delimiter.
struct TestPart {
  std::string headers;  // header lines, each ending in CRLF
  std::string content;
};

std::string Body(const std::vector<TestPart>& parts, std::string_view boundary = kBoundary) {
  std::string body;
  for (const auto& part : parts) {
    body += "--" + std::string(boundary) + "\r\n" + part.headers + "\r\n" + part.content + "\r\n";
  }
  return body + "--" + std::string(boundary) + "--\r\n";
}

TestPart Field(std::string_view name, std::string_view value) {
  return {"Content-Disposition: form-data; name=\"" + std::string(name) + "\"\r\n",
          std::string(value)};
}

TestPart File(std::string_view name, std::string_view filename, std::string_view content) {
  return {"Content-Disposition: form-data; name=\"" + std::string(name) + "\"; filename=\"" +
              std::string(filename) + "\"\r\nContent-Type: application/json\r\n",
          std::string(content)};
}

void ExpectMalformed(const Result<std::vector<MultipartPart>>& parsed, std::string_view words) {
  ASSERT_FALSE(parsed.has_value()) << "accepted; expected a refusal naming: " << words;
  EXPECT_EQ(parsed.error().kind, ErrorKind::kMalformed);
  EXPECT_EQ(parsed.error().code, "malformed_multipart");
  EXPECT_NE(parsed.error().message.find(words), std::string::npos) << parsed.error().message;
}

TEST(MultipartTest, ReadsFieldsAndFilesInOrder) {
  const std::string json = "{\"return\": {\"period\": \"2026-Q2\"}}\r\n--not-the-boundary\r\n";
  auto parts = ParseMultipart(Body({Field("_csrf", "token123"), File("returns", "a.json", json),
                                    File("returns", "b.json", "{}"), Field("format", "csv")}),
                              kBoundary);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 4u);
  EXPECT_EQ((*parts)[0].name, "_csrf");
  EXPECT_FALSE((*parts)[0].filename.has_value());
  EXPECT_EQ((*parts)[0].body, "token123");
  EXPECT_EQ((*parts)[0].content_type, "");
  EXPECT_EQ((*parts)[1].name, "returns");
  EXPECT_EQ((*parts)[1].filename, "a.json");
  EXPECT_EQ((*parts)[1].content_type, "application/json");
  EXPECT_EQ((*parts)[1].body, json) << "content is kept byte for byte, CRLFs and dashes included";
  EXPECT_EQ((*parts)[2].filename, "b.json");
  EXPECT_EQ((*parts)[2].body, "{}");
  EXPECT_EQ(MultipartField(*parts, "_csrf"), "token123");
  EXPECT_EQ(MultipartField(*parts, "format"), "csv");
  EXPECT_EQ(MultipartField(*parts, "returns"), "") << "a file is not a field";
  EXPECT_EQ(MultipartField(*parts, "absent"), "");
}

TEST(MultipartTest, EmptyValuesNoFileChosenAndBinaryContent) {
  const std::string binary("\0\x01\xff\r\n\r\n", 7);
  auto parts = ParseMultipart(
      Body({Field("empty", ""), File("returns", "", ""), File("blob", "x.bin", binary)}),
      kBoundary);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].body, "");
  ASSERT_TRUE((*parts)[1].filename.has_value());
  EXPECT_EQ(*(*parts)[1].filename, "") << "a file input with nothing chosen";
  EXPECT_EQ((*parts)[1].body, "");
  EXPECT_EQ((*parts)[2].body, binary);
}

TEST(MultipartTest, APartWithHeadersAndNoContentAtAll) {
  // RFC 2046: body-part := MIME-part-headers [CRLF *OCTET].
  std::string body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--b--";
  auto parts = ParseMultipart(body, "b");
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].body, "");
}

TEST(MultipartTest, IgnoresPreambleEpilogueOtherHeadersAndHeaderCase) {
  std::string body =
      "This is a preamble.\r\n--b  \t\r\n"
      "content-disposition: FORM-DATA; NAME=x\r\nX-Other: ignored\r\n\r\n1\r\n"
      "--b--\r\nan epilogue\r\n--b\r\nnot a part";
  auto parts = ParseMultipart(body, "b");
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "x");
  EXPECT_EQ((*parts)[0].body, "1");
}

TEST(MultipartTest, StripsDirectoriesFromFileNames) {
  auto parts = ParseMultipart(
      Body({File("f", "C:\\Users\\analyst\\returns\\north.json", "1"),
            File("f", "/home/analyst/south.json", "2"), File("f", "../../etc/passwd", "3")}),
      kBoundary);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, "north.json");
  EXPECT_EQ((*parts)[1].filename, "south.json");
  EXPECT_EQ((*parts)[2].filename, "passwd");
}

TEST(MultipartTest, KeepsUtf8NamesAndPercentEncodedQuotes) {
  auto parts = ParseMultipart(Body({File("f", "Zoë %22draft%22.json", "1")}), kBoundary);
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, "Zoë %22draft%22.json");
}

TEST(MultipartTest, BoundaryFromContentTypeQuotedOrNot) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=abc123").value(), "abc123");
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data;boundary=\"a b:c=d?\"").value(), "a b:c=d?");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; charset=utf-8; boundary=x; ").value(), "x");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + std::string(70, 'z')).value(),
            std::string(70, 'z'));
  EXPECT_TRUE(IsMultipartFormData("multipart/form-data"));
  EXPECT_TRUE(IsMultipartFormData(" MULTIPART/FORM-DATA ; boundary=x"));
  EXPECT_FALSE(IsMultipartFormData("application/x-www-form-urlencoded"));
  EXPECT_FALSE(IsMultipartFormData("multipart/mixed; boundary=x"));
  EXPECT_FALSE(IsMultipartFormData(""));

  auto parts = ParseMultipartRequest("multipart/form-data; boundary=\"q r\"",
                                     Body({Field("a", "1")}, "q r"));
  ASSERT_TRUE(parts.has_value()) << parts.error().message;
  EXPECT_EQ(MultipartField(*parts, "a"), "1");
}

TEST(MultipartTest, RefusesBadContentTypes) {
  const std::pair<std::string, std::string_view> bad[] = {
      {"application/x-www-form-urlencoded", "not multipart/form-data"},
      {"", "not multipart/form-data"},
      {"multipart/form-data", "gives no boundary"},
      {"multipart/form-data; charset=utf-8", "gives no boundary"},
      {"multipart/form-data; boundary=\"\"", "1 to 70"},
      {"multipart/form-data; boundary=" + std::string(71, 'z'), "1 to 70"},
      {"multipart/form-data; boundary=\"ends in space \"", "1 to 70"},
      {"multipart/form-data; boundary=\"semi;colon\"", "1 to 70"},
      {"multipart/form-data; boundary=\"open", "unclosed quote"},
      {"multipart/form-data; boundary=a; boundary=b", "twice"},
      {"multipart/form-data; boundary", "without a value"},
      {"multipart/form-data; boundary=", "empty or invalid value"},
      {"multipart/form-data; bo@undary=x", "not a token"},
      {"multipart/form-data; boundary=\"x\"junk", "text after a parameter"},
  };
  for (const auto& [type, words] : bad) {
    auto boundary = MultipartBoundary(type);
    ASSERT_FALSE(boundary.has_value()) << type;
    EXPECT_EQ(boundary.error().kind, ErrorKind::kMalformed) << type;
    EXPECT_NE(boundary.error().message.find(words), std::string::npos)
        << type << ": " << boundary.error().message;
    ExpectMalformed(ParseMultipartRequest(type, Body({Field("a", "1")})), words);
  }
}

TEST(MultipartTest, RefusesBrokenFraming) {
  ExpectMalformed(ParseMultipart("", "b"), "no boundary line");
  ExpectMalformed(ParseMultipart("just text", "b"), "no boundary line");
  ExpectMalformed(ParseMultipart(Body({Field("a", "1")}), ""), "boundary is empty");
  ExpectMalformed(ParseMultipart("--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1", "b"),
                  "ends before its last boundary");
  ExpectMalformed(
      ParseMultipart("--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--b", "b"),
      "other text after the boundary");
  ExpectMalformed(ParseMultipart("--bXYZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
                                 "--b--",
                                 "b"),
                  "other text after the boundary");
  ExpectMalformed(ParseMultipart("--b\r\nContent-Disposition: form-data; name=a\r\n", "b"),
                  "do not end in a blank line");
}

TEST(MultipartTest, RefusesBareLineFeeds) {
  ExpectMalformed(ParseMultipart("--b\nContent-Disposition: form-data; name=a\n\n1\n--b--", "b"),
                  "other text after the boundary");
  ExpectMalformed(
      ParseMultipart("--b\r\nContent-Disposition: form-data; name=a\n\n1\r\n--b--", "b"),
      "do not end in a blank line");
  ExpectMalformed(
      ParseMultipart(Body({{"Content-Disposition: form-data; name=a\nX: y\r\n", "1"}}), kBoundary),
      "control character");
}

TEST(MultipartTest, RefusesBadPartHeaders) {
  const std::pair<std::string, std::string_view> bad[] = {
      {"", "no Content-Disposition"},
      {"Content-Type: text/plain\r\n", "no Content-Disposition"},
      {"Content-Disposition: attachment; name=a\r\n", "not form-data"},
      {"Content-Disposition: form-data\r\n", "has no name"},
      {"Content-Disposition: form-data; name=\"\"\r\n", "has no name"},
      {"Content-Disposition: form-data; filename=\"a.json\"\r\n", "has no name"},
      {"Content-Disposition: form-data; name=a\r\n  folded=1\r\n", "folded"},
      {"Content-Disposition: form-data; name=a\r\n\tfolded=1\r\n", "folded"},
      {"Content-Disposition: form-data; name=a\r\nContent-Disposition: form-data; name=b\r\n",
       "two Content-Disposition"},
      {"Content-Disposition: form-data; name=a\r\nContent-Type: a\r\nContent-Type: b\r\n",
       "two Content-Type"},
      {"Content-Disposition: form-data; name=a\r\nno colon here\r\n", "not NAME: VALUE"},
      {"Content-Disposition: form-data; name=a\r\nBad Name: x\r\n", "not NAME: VALUE"},
      {"Content-Disposition: form-data; name=\"a\0b\"\r\n"s, "control character"},
      {"Content-Disposition: form-data; name=\"a\rb\"\r\n", "control character"},
      {"Content-Disposition: form-data; name=\"a\x7f\"\r\n", "control character"},
      {"Content-Disposition: form-data; name=\"a\tb\"\r\n", "control character"},
      {"Content-Disposition: form-data; name=\"\xc3\x28\"\r\n", "name is not UTF-8"},
      {"Content-Disposition: form-data; name=a; filename=\"\xff.json\"\r\n",
       "file name is not UTF-8"},
      {"Content-Disposition: form-data; name=\"a\r\n", "unclosed quote"},
      {"Content-Disposition: form-data; name=a; name=b\r\n", "twice"},
      {"Content-Disposition: form-data; name=a; filename\r\n", "without a value"},
      {"Content-Disposition: form-data; name=\"a\"junk\r\n", "text after a parameter"},
  };
  for (const auto& [headers, words] : bad) {
    SCOPED_TRACE(headers);
    ExpectMalformed(ParseMultipart(Body({{headers, "1"}}), kBoundary), words);
  }
}

TEST(MultipartTest, RefusesHeadersThatReachIntoTheNextPart) {
  // The first part's header block has no blank line of its own: it may not borrow the next's.
  std::string body =
      "--b\r\nContent-Disposition: form-data; name=a\r\n--b\r\n"
      "Content-Disposition: form-data; name=c\r\n\r\n1\r\n--b--";
  ExpectMalformed(ParseMultipart(body, "b"), "do not end in a blank line");
}

TEST(MultipartTest, RefusesWhatIsOverTheLimits) {
  const MultipartLimits limits{.max_parts = 2, .max_header_bytes = 80, .max_headers = 2};
  EXPECT_TRUE(ParseMultipart(Body({Field("a", "1"), Field("b", "2")}), kBoundary, limits));
  ExpectMalformed(
      ParseMultipart(Body({Field("a", "1"), Field("b", "2"), Field("c", "3")}), kBoundary, limits),
      "more than 2 parts");
  ExpectMalformed(ParseMultipart(Body({{"Content-Disposition: form-data; name=a\r\nX-A: 1\r\n"
                                        "X-B: 2\r\n",
                                        "1"}}),
                                 kBoundary, limits),
                  "too many header lines");
  ExpectMalformed(ParseMultipart(Body({Field(std::string(60, 'n'), "1")}), kBoundary, limits),
                  "too long");
  // The defaults: 100 parts.
  std::vector<TestPart> many(101, Field("a", "1"));
  ExpectMalformed(ParseMultipart(Body(many), kBoundary), "more than 100 parts");
  many.pop_back();
  auto hundred = ParseMultipart(Body(many), kBoundary);
  ASSERT_TRUE(hundred.has_value());
  EXPECT_EQ(hundred->size(), 100u);
}

TEST(MultipartTest, AnEmptyBodyWithOnlyTheClosingDelimiterHasNoParts) {
  auto parts = ParseMultipart("--b--\r\n", "b");
  ASSERT_TRUE(parts.has_value());
  EXPECT_TRUE(parts->empty());
}

}  // namespace
}  // namespace harbour::web
