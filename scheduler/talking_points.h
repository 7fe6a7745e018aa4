#pragma once
// Choosing what a follow-up can offer: a talking point that suits the
// contact and the touch, and that the contact has not heard yet. Pure.

#include <span>
#include <string>

#include "config/config.h"
#include "core/contact.h"

namespace touchbase {

// The first point in library order that suits `contact` at touch number
// `step` (its tags, stage and steps match, or are left open), has not expired
// by `today`, and whose id is not in `used`; nullptr when none fits.
const TalkingPoint* choose_talking_point(std::span<const TalkingPoint> library, const Contact& contact, int step,
                                         std::span<const std::string> used, Date today);

}  // namespace touchbase
