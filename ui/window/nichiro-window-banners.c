/* nichiro-window-banners.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-ui-utils.h"
#include "nichiro-window-private.h"

/* What stays true about the study file while it stays true, under the
 * header bar: the file is open read-only (and why), it could not be read
 * and was kept aside (where, in full), the last save failed (and why).
 * Toasts are for what happened once. An AdwBanner from libadwaita 1.3, a
 * box styled like one before; made when first needed. */

typedef struct
{
  const char *button_label;
  const char *action_name;
} BannerKind;

static const BannerKind kinds[N_NICHIRO_WINDOW_BANNERS] = {
  [NICHIRO_WINDOW_BANNER_READ_ONLY] = { N_("Show in Files"), "win.show-study-file" },
  [NICHIRO_WINDOW_BANNER_MOVED_ASIDE] = { N_("Show in Files"), "win.show-moved-aside" },
  [NICHIRO_WINDOW_BANNER_SAVE_FAILED] = { N_("Try Again"), "win.save-study" },
};

static GtkWidget *
make_banner (const BannerKind *kind)
{
#if ADW_CHECK_VERSION (1, 3, 0)
  GtkWidget *banner = adw_banner_new ("");

  adw_banner_set_button_label (ADW_BANNER (banner), _(kind->button_label));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (banner), kind->action_name);
# if ADW_CHECK_VERSION (1, 4, 0)
  adw_banner_set_use_markup (ADW_BANNER (banner), FALSE);
# endif

  return banner;
#else
  GtkWidget *banner = g_object_new (GTK_TYPE_BOX,
                                    "spacing", 12,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                    NULL);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_label (_(kind->button_label));

  /* A path is never cut: the text wraps anywhere, and can be selected. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), kind->action_name);
  gtk_box_append (GTK_BOX (banner), label);
  gtk_box_append (GTK_BOX (banner), button);
  gtk_widget_add_css_class (banner, "nichiro-banner");

  return banner;
#endif
}

static void
show_banner (NichiroWindow       *self,
             NichiroWindowBanner  which,
             const char          *text)
{
  GtkWidget *banner = self->banners[which];

  if (text == NULL)
    {
      if (banner != NULL)
#if ADW_CHECK_VERSION (1, 3, 0)
        adw_banner_set_revealed (ADW_BANNER (banner), FALSE);
#else
        gtk_widget_set_visible (banner, FALSE);
#endif
      return;
    }

  if (banner == NULL)
    {
      banner = self->banners[which] = make_banner (&kinds[which]);
      gtk_box_append (self->banner_box, banner);
    }

#if ADW_CHECK_VERSION (1, 4, 0)
  adw_banner_set_title (ADW_BANNER (banner), text);
  adw_banner_set_revealed (ADW_BANNER (banner), TRUE);
#elif ADW_CHECK_VERSION (1, 3, 0)
  {
    /* Before libadwaita 1.4 a banner's title is always markup. */
    g_autofree char *escaped = nichiro_dup_markup_free (text);

    adw_banner_set_title (ADW_BANNER (banner), escaped);
    adw_banner_set_revealed (ADW_BANNER (banner), TRUE);
  }
#else
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (banner)), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (banner), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_visible (banner, TRUE);
#endif
}

/**
 * _nichiro_window_update_banners:
 * @self: a window
 *
 * Shows the banners the study store's state calls for, and hides those it
 * no longer does.
 */
void
_nichiro_window_update_banners (NichiroWindow *self)
{
  NichiroStudyStore *store = nichiro_session_get_store (self->session);
  const GError *save_error = NULL;
  const char *moved_aside = NULL;

  if (store != NULL)
    {
      save_error = nichiro_study_store_get_save_error (store);
      moved_aside = nichiro_study_store_get_moved_aside_path (store);
    }

  show_banner (self, NICHIRO_WINDOW_BANNER_READ_ONLY,
               store != NULL ? nichiro_study_store_get_read_only_reason (store) : NULL);

  /* The store's own sentence says why and where, while it is not
   * overtaken by the reason it turned read-only. */
  if (moved_aside == NULL)
    show_banner (self, NICHIRO_WINDOW_BANNER_MOVED_ASIDE, NULL);
  else if (!nichiro_study_store_get_read_only (store) && nichiro_study_store_get_recovery_message (store) != NULL)
    show_banner (self, NICHIRO_WINDOW_BANNER_MOVED_ASIDE, nichiro_study_store_get_recovery_message (store));
  else
    {
      g_autofree char *text = g_strdup_printf (_("Your study file could not be read, and was kept unchanged as “%s”."),
                                               moved_aside);

      show_banner (self, NICHIRO_WINDOW_BANNER_MOVED_ASIDE, text);
    }

  show_banner (self, NICHIRO_WINDOW_BANNER_SAVE_FAILED,
               save_error != NULL && !nichiro_study_store_get_read_only (store) ? save_error->message : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-moved-aside", moved_aside != NULL);
}
