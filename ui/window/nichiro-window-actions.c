/* nichiro-window-actions.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nichiro-ui-utils.h"
#include "nichiro-window-private.h"

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  _nichiro_window_reveal_sidebar (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nichiro_session_go_back (NICHIRO_WINDOW (widget)->session);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nichiro_session_go_forward (NICHIRO_WINDOW (widget)->session);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  nichiro_session_set_query (self->session, g_variant_get_string (parameter, NULL));
  _nichiro_window_reveal_sidebar (self);
}

static void
search_help_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  gtk_menu_button_popup (self->search_help_button);
}

static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);
  NichiroEntry *entry = nichiro_session_get_selected (self->session);
  g_autofree char *citation = NULL;

  if (entry == NULL)
    return;

  citation = nichiro_dataset_dup_citation (nichiro_session_get_dataset (self->session), entry);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), citation);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Citation copied")));
}

static void
show_study_file_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  g_autoptr(GFile) file = NULL;

  if (store == NULL)
    return;

  file = g_file_new_for_path (nichiro_study_store_get_path (store));
  nichiro_show_in_files (widget, file);
}

static void
show_moved_aside_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  g_autoptr(GFile) file = NULL;

  if (store == NULL || nichiro_study_store_get_moved_aside_path (store) == NULL)
    return;

  file = g_file_new_for_path (nichiro_study_store_get_moved_aside_path (store));
  nichiro_show_in_files (widget, file);
}

/* Try Again on the banner that says the last save failed: it goes when
 * the notes are saved, and says why again if they are not. */
static void
save_study_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);
  NichiroStudyStore *store = nichiro_session_get_store (self->session);

  if (store != NULL && nichiro_study_store_flush (store, NULL))
    _nichiro_window_show_toast (self, _("Your notes are saved"));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NichiroWindow *self = NICHIRO_WINDOW (widget);

  nichiro_timeline_set_show_list (self->timeline, !nichiro_timeline_get_show_list (self->timeline));
}

/* The shortcuts window is built the first time it is asked for, not with
 * every window as GtkApplication would build gtk/help-overlay.ui. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/nichiro/Nichiro/ui/nichiro-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }

  gtk_widget_activate_action (widget, "win.show-help-overlay", NULL);
}

void
_nichiro_window_class_add_actions (GtkWidgetClass *widget_class)
{
  _nichiro_window_class_add_export_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.search-for", "s", search_action);
  gtk_widget_class_install_action (widget_class, "win.search-help", NULL, search_help_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.show-study-file", NULL, show_study_file_action);
  gtk_widget_class_install_action (widget_class, "win.show-moved-aside", NULL, show_moved_aside_action);
  gtk_widget_class_install_action (widget_class, "win.save-study", NULL, save_study_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-timeline-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_property_action (widget_class, "win.title-language", "title-language");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-citation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.toggle-timeline-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-shortcuts", NULL);
  /* GtkWindow's own action, which asks close-request as the close button does. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
