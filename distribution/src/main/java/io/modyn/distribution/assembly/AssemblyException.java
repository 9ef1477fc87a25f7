package io.modyn.distribution.assembly;

/** A reason the assembly cannot be built, worded for the operator: the tool prints it and exits 1. */
final class AssemblyException extends Exception {

    AssemblyException(String message) {
        super(message);
    }
}
