// Staff PIN (hash, verify, lockout) and the hidden gesture that opens the pad.
#include "staff/staff_gesture.h"
#include "staff/staff_pin.h"

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <vector>

using namespace ck;

// ---------------------------------------------------------------------------
// PIN
// ---------------------------------------------------------------------------

TEST_CASE("PIN format: 6 to 12 digits")
{
    CHECK(IsValidStaffPin("123456"));
    CHECK(IsValidStaffPin("123456789012"));
    CHECK_FALSE(IsValidStaffPin("1234"));    // falls to an offline search in minutes
    CHECK_FALSE(IsValidStaffPin("12345"));
    CHECK_FALSE(IsValidStaffPin("1234567890123"));
    CHECK_FALSE(IsValidStaffPin("12a456"));
    CHECK_FALSE(IsValidStaffPin(""));
    CHECK_FALSE(IsValidStaffPin("123456 "));
}

TEST_CASE("PIN hash round trip and wrong PIN")
{
    const std::string hash = HashStaffPin("2468");
    REQUIRE_FALSE(hash.empty());
    CHECK(hash.rfind("$argon2", 0) == 0);
    CHECK(hash.find("2468") == std::string::npos);
    CHECK(VerifyStaffPin("2468", hash));
    CHECK_FALSE(VerifyStaffPin("2469", hash));
    CHECK_FALSE(VerifyStaffPin("", hash));
    CHECK_FALSE(VerifyStaffPin("24680", hash));
    // Salted: the same PIN hashes differently each time, both verify.
    const std::string again = HashStaffPin("2468");
    CHECK(again != hash);
    CHECK(VerifyStaffPin("2468", again));
    // Garbage hashes never match.
    CHECK_FALSE(VerifyStaffPin("2468", ""));
    CHECK_FALSE(VerifyStaffPin("2468", "not a hash"));
    CHECK_FALSE(VerifyStaffPin("2468", hash.substr(0, hash.size() - 4)));
}

TEST_CASE("Five wrong PINs lock the pad for 60 seconds")
{
    const std::string hash = HashStaffPin("1357");
    REQUIRE_FALSE(hash.empty());
    PinLockout lockout;
    double now = 100.0;
    for (int i = 0; i < 4; i++) {
        CHECK(TryStaffPin("0000", hash, &lockout, now) == PinResult::Wrong);
        CHECK_FALSE(lockout.Locked(now));
        now += 1.0;
    }
    CHECK(lockout.WrongInARow() == 4);
    CHECK(TryStaffPin("0000", hash, &lockout, now) == PinResult::Wrong);   // the fifth
    const double locked_at = now;
    CHECK(lockout.Locked(now));
    CHECK(lockout.SecondsLeft(now) == 60);
    CHECK(lockout.SecondsLeft(now + 0.5) == 60);   // rounded up
    CHECK(lockout.SecondsLeft(now + 59.2) == 1);

    // While locked even the right PIN is refused, and not checked at all.
    CHECK(TryStaffPin("1357", hash, &lockout, locked_at + 30.0) == PinResult::Locked);
    CHECK(TryStaffPin("1357", hash, &lockout, locked_at + 59.9) == PinResult::Locked);

    SECTION("the lock expires after 60 s and the right PIN works again")
    {
        CHECK_FALSE(lockout.Locked(locked_at + 60.0));
        CHECK(lockout.SecondsLeft(locked_at + 60.0) == 0);
        CHECK(TryStaffPin("1357", hash, &lockout, locked_at + 60.0) == PinResult::Accepted);
        CHECK(lockout.WrongInARow() == 0);
    }
    SECTION("after expiry five more wrong PINs lock it again")
    {
        double later = locked_at + 61.0;
        for (int i = 0; i < 4; i++)
            CHECK(TryStaffPin("9999", hash, &lockout, later++) == PinResult::Wrong);
        CHECK_FALSE(lockout.Locked(later));
        CHECK(TryStaffPin("9999", hash, &lockout, later) == PinResult::Wrong);
        CHECK(lockout.Locked(later));
    }
}

TEST_CASE("The lock grows: 1 minute, then 5, then 30 each time, until a right PIN")
{
    const std::string hash = HashStaffPin("135799");
    REQUIRE_FALSE(hash.empty());
    PinLockout lockout;
    double now = 0.0;
    auto five_wrong = [&]() {
        for (int i = 0; i < 5; i++)
            CHECK(TryStaffPin("000000", hash, &lockout, now) == PinResult::Wrong);
    };
    for (int expected : {60, 300, 1800, 1800}) {
        five_wrong();
        CHECK(lockout.SecondsLeft(now) == expected);
        now += expected;
        CHECK_FALSE(lockout.Locked(now));
    }
    CHECK(TryStaffPin("135799", hash, &lockout, now) == PinResult::Accepted);
    five_wrong();
    CHECK(lockout.SecondsLeft(now) == 60);   // a right PIN started over
}

TEST_CASE("The PIN hash lives in a 0600 state file, written whole, and can be removed")
{
    char folder_template[] = "/tmp/carekiosk-pin-XXXXXX";
    REQUIRE(mkdtemp(folder_template));
    const std::string path = std::string(folder_template) + "/state/carekiosk/staff-pin";
    std::string error;
    CHECK(ReadStaffPinFile(path).empty());
    const std::string hash = HashStaffPin("246810");
    REQUIRE(WriteStaffPinFile(path, hash, &error));
    CHECK(ReadStaffPinFile(path) == hash);
    struct stat info;
    REQUIRE(stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    REQUIRE(stat((std::string(folder_template) + "/state/carekiosk").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0700);
    CHECK(access((path + ".tmp").c_str(), F_OK) != 0);   // no temporary file left behind
    REQUIRE(WriteStaffPinFile(path, "", &error));
    CHECK(ReadStaffPinFile(path).empty());
    CHECK(access(path.c_str(), F_OK) != 0);
    std::filesystem::remove_all(folder_template);

    setenv("XDG_STATE_HOME", "/srv/state", 1);
    CHECK(StaffPinPath() == "/srv/state/carekiosk/staff-pin");
    unsetenv("XDG_STATE_HOME");
    setenv("HOME", "/var/lib/kiosk-user", 1);
    CHECK(StaffPinPath() == "/var/lib/kiosk-user/.local/state/carekiosk/staff-pin");
}

TEST_CASE("A right PIN clears the count of wrong ones")
{
    const std::string hash = HashStaffPin("8080");
    PinLockout lockout;
    for (int i = 0; i < 4; i++)
        CHECK(TryStaffPin("1111", hash, &lockout, i) == PinResult::Wrong);
    CHECK(TryStaffPin("8080", hash, &lockout, 5.0) == PinResult::Accepted);
    for (int i = 0; i < 4; i++)
        CHECK(TryStaffPin("1111", hash, &lockout, 6.0 + i) == PinResult::Wrong);
    CHECK_FALSE(lockout.Locked(10.0));
}

TEST_CASE("No PIN set: nothing is accepted")
{
    PinLockout lockout;
    CHECK(TryStaffPin("1234", "", &lockout, 0.0) == PinResult::NoPinSet);
    CHECK(TryStaffPin("", "", &lockout, 0.0) == PinResult::NoPinSet);
}

// ---------------------------------------------------------------------------
// Gesture
// ---------------------------------------------------------------------------

namespace {

constexpr float kCorner = 60.0f;
constexpr float kSlop = 8.0f;

PointerEvent Ev(PointerEventKind kind, float x, float y, double t)
{
    PointerEvent e;
    e.kind = kind;
    e.x = x;
    e.y = y;
    e.t = t;
    return e;
}

// Feeds the events; returns how many of them completed the gesture.
int Feed(StaffGesture& g, const std::vector<PointerEvent>& events)
{
    int opened = 0;
    for (const PointerEvent& e : events)
        opened += g.Feed(e) ? 1 : 0;
    return opened;
}

std::vector<PointerEvent> Hold(float x, float y, double start, double seconds)
{
    return {Ev(PointerEventKind::Press, x, y, start), Ev(PointerEventKind::Move, x + 2, y + 1, start + seconds / 2),
            Ev(PointerEventKind::Release, x + 2, y + 1, start + seconds)};
}

std::vector<PointerEvent> Tap(float x, float y, double t)
{
    return {Ev(PointerEventKind::Press, x, y, t), Ev(PointerEventKind::Release, x, y, t + 0.05)};
}

} // namespace

TEST_CASE("Gesture: hold the corner 3 s, then tap elsewhere, opens")
{
    StaffGesture g(kCorner, kSlop);
    CHECK(Feed(g, Hold(20, 20, 10.0, 3.0)) == 0);
    CHECK(g.Armed(13.5));
    CHECK(Feed(g, Tap(500, 800, 15.0)) == 1);
    CHECK_FALSE(g.Armed(15.1));
    // It starts over: one more tap does nothing.
    CHECK(Feed(g, Tap(500, 800, 16.0)) == 0);
}

TEST_CASE("Gesture: a tap at the very end of the 5 s window still counts")
{
    StaffGesture g(kCorner, kSlop);
    Feed(g, Hold(5, 5, 0.0, 4.0));
    CHECK(Feed(g, Tap(300, 300, 4.0 + 5.0)) == 1);
}

TEST_CASE("Gesture: what does not open the pad")
{
    StaffGesture g(kCorner, kSlop);
    SECTION("hold shorter than 3 s")
    {
        Feed(g, Hold(20, 20, 0.0, 2.9));
        CHECK_FALSE(g.Armed(3.0));
        CHECK(Feed(g, Tap(500, 500, 3.5)) == 0);
    }
    SECTION("finger moves during the hold")
    {
        std::vector<PointerEvent> events = {Ev(PointerEventKind::Press, 20, 20, 0.0),
                                            Ev(PointerEventKind::Move, 45, 20, 1.0),
                                            Ev(PointerEventKind::Move, 20, 20, 2.0),
                                            Ev(PointerEventKind::Release, 20, 20, 3.5)};
        CHECK(Feed(g, events) == 0);
        CHECK(Feed(g, Tap(500, 500, 4.0)) == 0);
    }
    SECTION("tap too late")
    {
        Feed(g, Hold(20, 20, 0.0, 3.0));
        CHECK_FALSE(g.Armed(8.1));
        CHECK(Feed(g, Tap(500, 500, 8.1)) == 0);
    }
    SECTION("hold outside the corner")
    {
        Feed(g, Hold(kCorner + 5, 20, 0.0, 3.5));
        CHECK(Feed(g, Tap(500, 500, 4.0)) == 0);
    }
    SECTION("second touch is a scroll, not a tap")
    {
        Feed(g, Hold(20, 20, 0.0, 3.0));
        std::vector<PointerEvent> drag = {Ev(PointerEventKind::Press, 500, 500, 4.0),
                                          Ev(PointerEventKind::Move, 500, 400, 4.1),
                                          Ev(PointerEventKind::Release, 500, 300, 4.2)};
        CHECK(Feed(g, drag) == 0);
        CHECK(Feed(g, Tap(500, 500, 4.5)) == 0);   // the drag used up the arming
    }
    SECTION("second touch held too long")
    {
        Feed(g, Hold(20, 20, 0.0, 3.0));
        CHECK(Feed(g, Hold(500, 500, 3.5, 1.5)) == 0);
    }
    SECTION("two quick taps in the corner")
    {
        CHECK(Feed(g, Tap(20, 20, 0.0)) == 0);
        CHECK(Feed(g, Tap(500, 500, 0.5)) == 0);
    }
}
