/* nichiro-about.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-about"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-about.h"
#include "nichiro-appdata.h"

/* The About window, filled from the AppStream metainfo (name, summary,
 * developer, links, release notes) so that it says what the software
 * centre says, and crediting the open dataset's sources and licence. */

/* The licences GTK knows by their AppStream (SPDX) ids. */
static const struct
{
  const char *spdx;
  GtkLicense type;
} known_licenses[] = {
  { "GPL-2.0-or-later", GTK_LICENSE_GPL_2_0 },
  { "GPL-3.0-or-later", GTK_LICENSE_GPL_3_0 },
  { "LGPL-2.1-or-later", GTK_LICENSE_LGPL_2_1 },
  { "LGPL-3.0-or-later", GTK_LICENSE_LGPL_3_0 },
  { "AGPL-3.0-or-later", GTK_LICENSE_AGPL_3_0 },
  { "GPL-2.0-only", GTK_LICENSE_GPL_2_0_ONLY },
  { "GPL-3.0-only", GTK_LICENSE_GPL_3_0_ONLY },
  { "LGPL-2.1-only", GTK_LICENSE_LGPL_2_1_ONLY },
  { "LGPL-3.0-only", GTK_LICENSE_LGPL_3_0_ONLY },
  { "AGPL-3.0-only", GTK_LICENSE_AGPL_3_0_ONLY },
  { "BSD-2-Clause", GTK_LICENSE_BSD },
  { "BSD-3-Clause", GTK_LICENSE_BSD_3 },
  { "MIT", GTK_LICENSE_MIT_X11 },
  { "Artistic-2.0", GTK_LICENSE_ARTISTIC },
  { "Apache-2.0", GTK_LICENSE_APACHE_2_0 },
  { "MPL-2.0", GTK_LICENSE_MPL_2_0 },
};

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* A title as a credit's name. The about window reads a credit as "Name
 * <e-mail>" or "Name https://…" and has no escape: a title with "<…>" in
 * it would become an address, one with a web address in it would be cut
 * there. The angle brackets become single guillemets, which read alike,
 * and a word joiner, which shows nothing, keeps "http://" from matching. */
static char *
dup_credit_name (const char *title)
{
  GString *name = g_string_new (title);

  g_string_replace (name, "<", "‹", 0);
  g_string_replace (name, ">", "›", 0);
  g_string_replace (name, "http://", "http\u2060://", 0);
  g_string_replace (name, "https://", "https\u2060://", 0);

  return g_string_free (name, FALSE);
}

/* The dataset's own sources, each as "Title https://…", which the about
 * window shows as a link. */
static GStrv
dup_source_credits (NichiroDataset *dataset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const NichiroSource *sources;
  guint n_sources;

  sources = nichiro_dataset_get_sources (dataset, &n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *name = dup_credit_name (sources[i].title);
      g_autofree char *credit = NULL;

      if (sources[i].url != NULL)
        credit = g_strdup_printf ("%s %s", name, sources[i].url);
      else
        credit = g_steal_pointer (&name);
      g_strv_builder_add (builder, credit);
    }

  return g_strv_builder_end (builder);
}

/* Fills an AdwAboutWindow or, from libadwaita 1.5, an AdwAboutDialog: the
 * two have the same properties. @appdata is the AppStream metainfo (%NULL
 * if it could not be read); @dataset, if not %NULL, is credited with its
 * sources and licence. */
static void
fill_about (GObject        *about,
            NichiroAppdata *appdata,
            NichiroDataset *dataset)
{
  const char *name = NULL;
  const char *release = NULL;
  const char *spdx = NULL;
  g_autofree char *comments = NULL;
  GtkLicense license_type = GTK_LICENSE_CUSTOM;

  if (appdata != NULL)
    {
      name = nichiro_appdata_get_name (appdata);
      release = nichiro_appdata_get_release_version (appdata);
      spdx = nichiro_appdata_get_project_license (appdata);
      /* Comments are markup; the summary is text. */
      comments = g_markup_escape_text (or_empty (nichiro_appdata_get_summary (appdata)), -1);
    }

  g_object_set (about,
                "application-name", name != NULL ? name : "Nichiro",
                "application-icon", APPLICATION_ID,
                "version", release != NULL ? release : PACKAGE_VERSION,
                "developer-name", or_empty (appdata != NULL ? nichiro_appdata_get_developer_name (appdata) : NULL),
                "comments", or_empty (comments),
                "website", or_empty (appdata != NULL ? nichiro_appdata_get_homepage (appdata) : NULL),
                "issue-url", or_empty (appdata != NULL ? nichiro_appdata_get_bugtracker (appdata) : NULL),
                "release-notes-version", or_empty (release),
                "release-notes", or_empty (appdata != NULL ? nichiro_appdata_get_release_notes (appdata) : NULL),
                NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known_licenses); i++)
    {
      if (g_strcmp0 (spdx, known_licenses[i].spdx) == 0)
        license_type = known_licenses[i].type;
    }
  if (license_type != GTK_LICENSE_CUSTOM)
    {
      g_object_set (about, "license-type", license_type, NULL);
    }
  else if (spdx != NULL)
    {
      g_autofree char *license = g_markup_escape_text (spdx, -1);

      g_object_set (about, "license", license, NULL);
    }

  /* The map's coastline, whatever the dataset: it is part of the program. */
  {
    const char *coastline_credits[] = {
      "GSHHG, Paul Wessel and Walter H. F. Smith https://www.soest.hawaii.edu/pwessel/gshhg/",
      NULL,
    };

#if ADW_CHECK_VERSION (1, 5, 0)
    adw_about_dialog_add_credit_section (ADW_ABOUT_DIALOG (about), _("Map Data"), coastline_credits);
    adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (about), _("Coastline"),
                                        _("The frontier map’s coastline is extracted from GSHHG 2.3.7 "
                                          "© The GMT Team"),
                                        GTK_LICENSE_LGPL_3_0, NULL);
#else
    adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Map Data"), coastline_credits);
    adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Coastline"),
                                        _("The frontier map’s coastline is extracted from GSHHG 2.3.7 "
                                          "© The GMT Team"),
                                        GTK_LICENSE_LGPL_3_0, NULL);
#endif
  }

  if (dataset != NULL)
    {
      g_auto(GStrv) sources = dup_source_credits (dataset);
      const char *dataset_license = nichiro_dataset_get_license (dataset);
      g_autofree char *about_dataset = NULL;
      g_autofree char *license = NULL;
      g_autofree char *legal = NULL;

      /* Another dataset, opened with --data, is not ours to describe. */
      if (g_strcmp0 (nichiro_dataset_get_display_name (dataset),
                     "resource://" NICHIRO_DATASET_DEFAULT_RESOURCE) == 0)
        about_dataset = g_strdup (_("The bundled dataset is our own summary of public references, "
                                    "listed with every entry."));
      else
        about_dataset = g_markup_escape_text (or_empty (nichiro_dataset_get_title (dataset)), -1);

      if (g_strcmp0 (dataset_license, "CC-BY-4.0") == 0)
        license = g_strdup (_("Creative Commons Attribution 4.0 International (CC-BY-4.0)"));
      else
        license = g_markup_escape_text (or_empty (dataset_license), -1);

      /* Given as one text, laid out as the window would lay out the two:
       * AdwAboutWindow never frees a legal section's copyright. */
      legal = g_strconcat (about_dataset, "\n\n", license, NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
      adw_about_dialog_add_credit_section (ADW_ABOUT_DIALOG (about), _("Dataset Sources"),
                                           (const char **) sources);
      adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (about), _("Dataset"), NULL,
                                          GTK_LICENSE_CUSTOM, legal);
#else
      adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Dataset Sources"),
                                           (const char **) sources);
      adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Dataset"), NULL,
                                          GTK_LICENSE_CUSTOM, legal);
#endif
    }
}

/* The application's icon is in the icon theme once the program is
 * installed; run from the build, it is only in the program's resources,
 * which the icon theme is told of now rather than at start-up (see
 * nichiro_application_startup()). */
static void
ensure_application_icon (GtkWindow *parent)
{
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent)) : gdk_display_get_default ();
  GtkIconTheme *theme;

  if (display == NULL)
    return;

  theme = gtk_icon_theme_get_for_display (display);
  if (!gtk_icon_theme_has_icon (theme, APPLICATION_ID))
    gtk_icon_theme_add_resource_path (theme, "/io/github/nichiro/Nichiro/icons");
}

/**
 * nichiro_about_present:
 * @parent: (nullable): the window it belongs to
 * @dataset: (nullable): the dataset shown, credited with its sources
 *
 * Shows the About window: an AdwAboutDialog from libadwaita 1.5, an
 * AdwAboutWindow before.
 */
void
nichiro_about_present (GtkWindow      *parent,
                       NichiroDataset *dataset)
{
  g_autoptr(NichiroAppdata) appdata = NULL;
  g_autoptr(GError) error = NULL;
  GObject *about;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (dataset == NULL || NICHIRO_IS_DATASET (dataset));

  /* The metainfo is compiled in, so this fails only in a broken build;
   * the window then still says what it can. */
  appdata = nichiro_appdata_new_from_resource (NICHIRO_APPDATA_RESOURCE, NULL, &error);
  if (appdata == NULL)
    g_warning ("Cannot read the AppStream metainfo: %s", error->message);

  ensure_application_icon (parent);

#if ADW_CHECK_VERSION (1, 5, 0)
  about = G_OBJECT (adw_about_dialog_new ());
  fill_about (about, appdata, dataset);
  adw_dialog_present (ADW_DIALOG (about), GTK_WIDGET (parent));
#else
  about = G_OBJECT (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  fill_about (about, appdata, dataset);
  gtk_window_present (GTK_WINDOW (about));
#endif
}
