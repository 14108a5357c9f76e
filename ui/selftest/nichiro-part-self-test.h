/* nichiro-part-self-test.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_PART_SELF_TEST (nichiro_part_self_test_get_type ())

G_DECLARE_FINAL_TYPE (NichiroPartSelfTest, nichiro_part_self_test, NICHIRO, PART_SELF_TEST, GtkWidget)

GtkWidget      *nichiro_part_self_test_new         (void);
NichiroSession *nichiro_part_self_test_get_session (NichiroPartSelfTest *self);
void            nichiro_part_self_test_set_session (NichiroPartSelfTest *self,
                                                    NichiroSession      *session);

G_END_DECLS
