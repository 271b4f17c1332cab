#ifndef PODIUM_HISTORY_H
#define PODIUM_HISTORY_H

#endif
