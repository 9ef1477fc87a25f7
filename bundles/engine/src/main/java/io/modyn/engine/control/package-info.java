/**
 * Control-plane settings that live beside a table's definition: tags (TagResource, UntagResource,
 * ListTagsOfResource and CreateTable's Tags), deletion protection and table class.
 */
package io.modyn.engine.control;
