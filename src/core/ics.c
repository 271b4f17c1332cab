#include "config.h"
#include "podium/ics.h"
