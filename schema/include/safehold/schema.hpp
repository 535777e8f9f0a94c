#pragma once
// Everything safehold_schema offers, in one include.
#include "safehold/schema/derived.hpp"
#include "safehold/schema/error.hpp"
#include "safehold/schema/formats.hpp"
#include "safehold/schema/model.hpp"
#include "safehold/schema/record.hpp"
#include "safehold/schema/strict_json.hpp"
#include "safehold/schema/text.hpp"
#include "safehold/schema/vocabulary.hpp"
