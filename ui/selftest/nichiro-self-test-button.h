/* nichiro-self-test-button.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_SELF_TEST_BUTTON (nichiro_self_test_button_get_type ())

G_DECLARE_FINAL_TYPE (NichiroSelfTestButton, nichiro_self_test_button, NICHIRO, SELF_TEST_BUTTON, GtkButton)

NichiroSession *nichiro_self_test_button_get_session (NichiroSelfTestButton *self);
void            nichiro_self_test_button_set_session (NichiroSelfTestButton *self,
                                                      NichiroSession        *session);
gboolean        nichiro_self_test_button_get_compact (NichiroSelfTestButton *self);
void            nichiro_self_test_button_set_compact (NichiroSelfTestButton *self,
                                                      gboolean               compact);

G_END_DECLS
