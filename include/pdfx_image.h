/* pdfx_image.h - image XObjects for PDF/X: RGB pixels to the output profile's CMYK, and for
 * PDF/X-1a (no transparency) the soft mask flattened onto the ink beneath the image. */
#ifndef DECKPRESS_PDFX_IMAGE_H
#define DECKPRESS_PDFX_IMAGE_H

#include <qpdf/qpdf-c.h>
#include <stdbool.h>

#include "color.h"

/* True when image img has a soft mask (/SMask) or a colour-key mask (/Mask). */
bool pdfx_image_transparent(qpdf_data q, qpdf_oh img);

/* A new image object with img's dictionary and its bytes as stored (the soft mask is shared,
 * not copied): PDF/X-1a flattens an image onto one ink, so an image drawn over several
 * needs one copy per ink. A null handle when img's data cannot be read. */
qpdf_oh pdfx_image_copy(qpdf_data q, qpdf_oh img);

/* Rewrites image img in place: DeviceRGB becomes DeviceCMYK (relative colorimetric with
 * black-point compensation, as color_to_cmyk); DeviceGray stays (it prints as K). With
 * backdrop (not NULL), the soft mask is flattened onto that ink and removed, which makes
 * the image DeviceCMYK. /Interpolate is dropped. Returns NULL, or an error message (caller
 * frees) for an image deckpress does not write (other colour spaces, /Decode, /Matte). */
char *pdfx_image_convert(qpdf_data q, qpdf_oh img, const color_profile *p, const cmyk *backdrop);

#endif
