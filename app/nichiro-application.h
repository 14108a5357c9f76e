/* nichiro-application.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nichiro-dataset.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_APPLICATION (nichiro_application_get_type ())

G_DECLARE_FINAL_TYPE (NichiroApplication, nichiro_application, NICHIRO, APPLICATION, AdwApplication)

NichiroApplication *nichiro_application_new         (void);
NichiroDataset     *nichiro_application_get_dataset (NichiroApplication *self);
void                nichiro_application_request_quit (NichiroApplication *self);

G_END_DECLS
