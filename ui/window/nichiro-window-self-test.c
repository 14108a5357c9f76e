/* nichiro-window-self-test.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-window"

#include "config.h"

#include "nichiro-ui-utils.h"
#include "nichiro-window-private.h"

/* The self-test in the window: its buttons follow the session, its
 * settings are bound, what is due is counted after the first frame, and
 * its page takes the content area when asked for (Ctrl+T, the buttons,
 * the menu, a part's page). */

/* The self-test page: made the first time it is asked for, then kept, so
 * that a session left to read an entry goes on where it was. */
static void
self_test_open_entry_cb (NichiroWindow *self,
                         NichiroEntry  *entry)
{
  nichiro_session_set_selected (self->session, entry);
  gtk_stack_set_visible_child_name (self->content_stack, "entry");
  gtk_widget_grab_focus (GTK_WIDGET (self->detail_view));
}

static void
self_test_close_cb (NichiroWindow *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, "entry");
  gtk_widget_grab_focus (GTK_WIDGET (self->self_test_button));
}

void
_nichiro_window_show_self_test (NichiroWindow *self)
{
  if (self->self_test_page == NULL)
    {
      self->self_test_page = NICHIRO_SELF_TEST_PAGE (nichiro_self_test_page_new ());
      nichiro_self_test_page_set_session (self->self_test_page, self->session);
      g_signal_connect_object (self->self_test_page, "open-entry",
                               G_CALLBACK (self_test_open_entry_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->self_test_page, "close",
                               G_CALLBACK (self_test_close_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->self_test_page), "self-test");
    }

  /* The self-test takes the place of a part's page (left showing, the
   * part would be put away by the first answer's entry, and the card
   * with it) and of the map. */
  nichiro_session_set_part (self->session, NULL);
  /* The same for the map: left down, its pin would bring it back when
   * the self-test is left, over the entry the reader went to read. */
  gtk_toggle_button_set_active (self->map_button, FALSE);
  /* A narrow window folds the sidebar away, as for an entry. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "self-test");
  nichiro_self_test_page_resume (self->self_test_page);
}

/* What is due is counted once the first frame is out, not for it. */
static void
prepare_self_test (NichiroWindow *self)
{
  nichiro_self_test_prepare (nichiro_session_get_self_test (self->session));
}

/* The self-test needs the reader's store to keep its reviews. */
void
_nichiro_window_follow_self_test (NichiroWindow *self)
{
  NichiroStudyStore *store = nichiro_session_get_store (self->session);

  nichiro_self_test_button_set_session (self->self_test_button, self->session);
  nichiro_self_test_button_set_session (self->guide_self_test_button, self->session);
  gtk_widget_set_visible (GTK_WIDGET (self->self_test_button), store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->guide_self_test_button), store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.self-test", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.self-test-stats", store != NULL);
  if (store != NULL)
    {
      NichiroSelfTest *self_test = nichiro_session_get_self_test (self->session);

      if (self->settings != NULL)
        {
          g_settings_bind (self->settings, "desired-retention", self_test, "desired-retention", G_SETTINGS_BIND_DEFAULT);
          g_settings_bind (self->settings, "self-test-cards", self_test, "choice", G_SETTINGS_BIND_DEFAULT);
          g_settings_bind (self->settings, "self-test-parts", self_test, "parts", G_SETTINGS_BIND_DEFAULT);
        }
      nichiro_after_first_frame (GTK_WIDGET (self), G_CALLBACK (prepare_self_test), self);
    }
}
