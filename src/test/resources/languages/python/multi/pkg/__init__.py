from .mod import greet
