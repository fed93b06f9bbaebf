// The phone page's files, embedded in the binary at build time from assets/phones/ (nothing is served from disk).
#pragma once

#include <string_view>
#include <vector>

namespace phones {

struct PageFile {
    std::string_view path;         ///< the URL path, e.g. "/app.js"
    std::string_view contentType;
    std::string_view body;
};

/// Every embedded file; "/" is the page itself.
const std::vector<PageFile>& pageFiles();

}  // namespace phones
