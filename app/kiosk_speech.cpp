// KioskApp: read-aloud. The screens return a ReadAloud intent from the "Read
// aloud" button of a page or an open FAQ answer; this file starts or stops
// the Speaker, stops it when the patient leaves (another screen or entry,
// another language, the idle warning, a session reset, new content), and
// redraws when the voice moves on so the highlight follows it. Listening
// counts as using the kiosk: the idle timer restarts at every part read.
#include "kiosk_app.h"

#include <GLFW/glfw3.h>
#include <algorithm>

namespace ck {

namespace {

constexpr int kRedrawFrames = 3;   // as after input: ImGui settles in a few frames

} // namespace

void KioskApp::StartSpeech()
{
    // The worker wakes the event loop whenever the segment changes.
    speaker_ = std::make_unique<Speaker>([] { glfwPostEmptyEvent(); });
}

// Where the reading belongs: the screen, its page or open entry, the
// language and the patient's session.
std::string KioskApp::ReadingPlace() const
{
    const Route& route = session_.Current();
    return std::string(ScreenName(route.screen)) + ":" + route.id + "|" + session_.Language() + "#" +
           std::to_string(session_.ResetCount());
}

void KioskApp::ToggleReading(const std::string& target)
{
    if (!speaker_)
        return;
    if (reading_ == target && speaker_->IsSpeaking()) {
        StopReading();   // a second tap on the same button
        return;
    }
    Reading reading = ReadingFor(*content_, session_.Language(), target);
    if (reading.segments.empty()) {
        StopReading();
        return;
    }
    reading_blocks_.clear();
    for (const SpeechSegment& segment : reading.segments)
        reading_blocks_.push_back(segment.block);
    speaker_->Speak(reading.lang, std::move(reading.segments), content_->config.default_language);
    reading_ = target;
    reading_place_ = ReadingPlace();
    reading_segment_ = 0;
    settle_frames_ = std::max(settle_frames_, kRedrawFrames);
}

void KioskApp::StopReading()
{
    if (speaker_)
        speaker_->Stop();
    if (!reading_.empty())
        settle_frames_ = std::max(settle_frames_, kRedrawFrames);
    reading_.clear();
    reading_blocks_.clear();
    reading_segment_ = -1;
}

// Once per frame (before drawing, and after the frame's intents).
void KioskApp::FollowReading()
{
    if (speaker_ && session_.ResetCount() != speech_reset_count_) {
        speech_reset_count_ = session_.ResetCount();
        speaker_->SetVolume(kDefaultSpeechVolume);   // every patient starts at a moderate level
    }
    if (reading_.empty())
        return;
    if (!speaker_->IsSpeaking() || session_.Idle() != IdleState::Active || ReadingPlace() != reading_place_) {
        StopReading();
        return;
    }
    const int segment = speaker_->CurrentSegment();
    if (segment != reading_segment_) {
        reading_segment_ = segment;
        settle_frames_ = std::max(settle_frames_, kRedrawFrames);
        // Someone listening is using the kiosk: each part the voice reaches
        // counts as input, so a long page is not cut off by the idle warning.
        // Once the reading ends, the idle timer runs again from there.
        session_.NoteInput(Now());
    }
}

// The block of the segment being read (-1: none, or the title or question).
int KioskApp::ReadingBlock() const
{
    if (reading_segment_ < 0 || reading_segment_ >= static_cast<int>(reading_blocks_.size()))
        return -1;
    return reading_blocks_[reading_segment_];
}

// The status file's line: "speaking page:aftercare 3" (segment 3 being
// read) or "speaking off".
std::string KioskApp::ReadingStatus() const
{
    if (reading_.empty() || reading_segment_ < 0)
        return "speaking off\n";
    return "speaking " + reading_ + " " + std::to_string(reading_segment_) + "\n";
}

} // namespace ck
