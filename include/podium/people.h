#ifndef PODIUM_PEOPLE_H
#define PODIUM_PEOPLE_H

#endif
