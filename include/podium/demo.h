#ifndef PODIUM_DEMO_H
#define PODIUM_DEMO_H

#endif
