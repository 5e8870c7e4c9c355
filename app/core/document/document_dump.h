// Document -> JSON, for `carekiosk dump` and for tests. Every piece of visible
// text sits in a "text" field and image alt text in an "alt" field, in reading
// order, so concatenating those fields gives exactly what a patient can read.
#pragma once
#include "document/document.h"
#include <nlohmann/json.hpp>

namespace ck {

nlohmann::json DumpDocument(const Document& doc);
const char* BlockKindName(BlockKind kind);

} // namespace ck
