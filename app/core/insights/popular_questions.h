// The search screen's "Popular questions": what patients opened most (from
// the anonymous counts, nothing else), then the questions staff chose in
// kiosk.json ("popular_questions"), then the FAQ in file order, so a new
// kiosk with no counts yet still offers the staff's choice.
#pragma once
#include "content/content.h"
#include "insights/insights.h"
#include <cstddef>
#include <string>
#include <vector>

namespace ck {

// A question counts as popular once it was opened this often in the period:
// one patient's few taps never put what they read on the next patient's screen.
constexpr long long kPopularMinOpens = 3;
constexpr size_t kPopularQuestionCount = 5;

// FAQ ids from insights rows (FaqOpen counts, every language summed: the
// languages share their ids), opened at least `min_opens` times, most
// opened first, ties by id.
std::vector<std::string> MostOpenedQuestions(const std::vector<InsightRow>& rows, long long min_opens);

// Up to `count` FAQ ids for `lang`, no repeats: `most_opened` that the FAQ
// has, then config.popular_questions, then the FAQ's own order. A language
// without a FAQ of its own uses the default language's.
std::vector<std::string> PopularQuestions(const Content& content, const std::string& lang,
                                          const std::vector<std::string>& most_opened, size_t count);

} // namespace ck
