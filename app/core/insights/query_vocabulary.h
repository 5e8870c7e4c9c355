// The words a released search query may keep in the anonymous insights:
// the content's own words, the shipped lay word lists, and the lower-case
// entries of a common-word dictionary (Debian's wamerican/wbritish for
// English, wspanish for Spanish: lower case only, so proper names drop out).
// Every other word becomes "…" (insights.h: MaskUnknownWords).
#pragma once
#include "content/content.h"
#include "insights/insights.h"
#include <memory>
#include <string>

namespace ck {

// The mask for the recorder. The word lists are read when a query is
// released (rare: a new question three patients asked) and freed after, so
// they cost no memory the rest of the time. `dict_dir` holds the
// dictionaries ("/usr/share/dict"); a missing one means fewer words kept.
QueryMask MakeQueryMask(std::shared_ptr<const Content> content, std::string assets_dir,
                        std::string dict_dir = "/usr/share/dict");

} // namespace ck
