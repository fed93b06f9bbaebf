// The idea texts the demo is made of (our own), and the districts of Herten used to vary them.
#pragma once

#include <vector>

namespace storage::demo {

struct DemoIdea {
    const char* language;
    const char* category;
    const char* title;
    const char* description;
};

const std::vector<DemoIdea>& ideas();
const std::vector<const char*>& districts();
const std::vector<const char*>& authors();

}  // namespace storage::demo
