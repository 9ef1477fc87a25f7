package io.modyn.itests.support;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** A raw response: status, headers and the body bytes exactly as they came over the wire. */
public record WireResponse(int status, HttpHeaders headers, byte[] body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public boolean isGzipped() {
        return header("Content-Encoding").map(encoding -> encoding.equalsIgnoreCase("gzip")).orElse(false);
    }

    /** The body as text, decompressed if the server gzipped it. */
    public String text() {
        return new String(isGzipped() ? gunzip(body) : body, StandardCharsets.UTF_8);
    }

    public JsonObject json() {
        return JsonDocuments.parseObject(text());
    }

    /** The error type as sent, e.g. {@code com.amazon.coral.service#SerializationException}. */
    public String errorType() {
        return json().getString("__type", null);
    }

    /** DynamoDB sends the message as {@code message}, for a few framework errors as {@code Message}. */
    public String errorMessage() {
        JsonObject json = json();
        return json.containsKey("message") ? json.getString("message") : json.getString("Message", null);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + headers.map() + " " + text();
    }

    private static byte[] gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Body says gzip but is not", e);
        }
    }
}
