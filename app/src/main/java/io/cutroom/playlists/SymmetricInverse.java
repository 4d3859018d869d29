package io.cutroom.playlists;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotri;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;

import org.bytedeco.javacpp.DoublePointer;

/**
 * Inverts a symmetric positive-definite matrix by Cholesky (LAPACK dpotrf, then dpotri) in the OpenBLAS
 * that ND4J's CPU backend ships and loads. ND4J 1.0.0-M2.1's own {@code InvertMatrix} runs a generic
 * kernel that had not finished a 4000-item Gram matrix after ten minutes here; its LAPACK wrapper has no
 * dpotri, and its getri crashed the JVM. Through dpotrf and dpotri, 4000 items take about 1.3 s.
 */
final class SymmetricInverse {
    private SymmetricInverse() {
    }

    /** The inverse of the n-by-n row-major matrix {@code a}; {@code a} is left as it was. */
    static double[] invert(double[] a, int n) {
        try (DoublePointer matrix = new DoublePointer(a)) {
            int factored = LAPACKE_dpotrf(LAPACK_ROW_MAJOR, (byte) 'L', n, matrix, n);
            if (factored != 0) {
                throw new ArithmeticException("The matrix is not positive definite (dpotrf returned " + factored + ").");
            }
            int inverted = LAPACKE_dpotri(LAPACK_ROW_MAJOR, (byte) 'L', n, matrix, n);
            if (inverted != 0) {
                throw new ArithmeticException("The matrix could not be inverted (dpotri returned " + inverted + ").");
            }
            double[] inverse = new double[n * n];
            matrix.get(inverse);
            // dpotri fills the lower triangle only; the inverse is symmetric.
            for (int row = 0; row < n; row++) {
                for (int col = row + 1; col < n; col++) {
                    inverse[row * n + col] = inverse[col * n + row];
                }
            }
            return inverse;
        }
    }
}
