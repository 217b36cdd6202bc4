#pragma once
// How deeply JSON text nests, measured before it is parsed (issue 11: one scanner for the API's
// bodies, the wards file and any other JSON from outside). Pure.
#include <string_view>

namespace harbour {

// True when arrays and objects in `text` nest deeper than `max_depth`, counting only brackets
// outside strings (a backslash escapes the next character inside one). One linear scan, so that
// hostile input never costs a deep parse or a deep destruction. Text that is not JSON at all is
// the parser's to refuse: this only measures.
bool NestsDeeperThan(std::string_view text, int max_depth);

}  // namespace harbour
